// A loopback TCP proxy in front of PostgreSQL that counts the statements clients execute.
// pg_stat_statements is not loaded on the shared server (and it may not be restarted), and
// Prisma's query events miss what the driver adapter sends on its own (BEGIN, COMMIT…), so
// the frontend protocol is read here: every simple Query ('Q') and every Execute ('E') of an
// extended-protocol portal counts once, with the text it runs. Only the client → server
// direction is parsed for the statements; of the server's answers only the message types are
// read (CommandComplete, EmptyQueryResponse, ErrorResponse) to time each statement.
import { connect, createServer, type Server, type Socket } from "node:net";

export interface Statement {
  text: string;
  /** BEGIN/COMMIT/SET/DEALLOCATE… as opposed to statements that read or write data. */
  overhead: boolean;
  /** From the Execute (or Query) leaving the proxy to the server's completion of it, in ms. */
  ms: number;
}

const OVERHEAD =
  /^\s*(BEGIN|COMMIT|ROLLBACK|START\s+TRANSACTION|END|SET|RESET|SHOW|DEALLOCATE|DISCARD|SAVEPOINT|RELEASE|SELECT\s+1\s*;?\s*$)/i;

export function isOverhead(text: string): boolean {
  return OVERHEAD.test(text);
}

export interface CountingProxy {
  port: number;
  /** Statements seen since the last reset. */
  statements: Statement[];
  reset(): void;
  close(): Promise<void>;
}

/** Reads a NUL-terminated string at `offset`; returns it and the offset after the NUL. */
function cstring(buffer: Buffer, offset: number): [string, number] {
  const end = buffer.indexOf(0, offset);
  const stop = end < 0 ? buffer.length : end;
  return [buffer.toString("utf8", offset, stop), stop + 1];
}

export async function startCountingProxy(target: { host: string; port: number }): Promise<CountingProxy> {
  const sockets = new Set<Socket>();
  const proxy: CountingProxy = {
    port: 0,
    statements: [],
    reset() {
      proxy.statements = [];
    },
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };

  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    // Per connection: prepared statement name → text, portal name → text.
    const prepared = new Map<string, string>();
    const portals = new Map<string, string>();
    let pending: Buffer = Buffer.alloc(0);
    let startup = true;
    // Statements sent and not yet completed, oldest first (the server answers in order).
    const running: { statement: Statement; started: number }[] = [];
    let answers: Buffer = Buffer.alloc(0);
    /** The server answers an SSLRequest with one byte ('N' or 'S') before any message. */
    let sslByte = false;
    const record = (text: string) => {
      const statement = { text, overhead: isOverhead(text), ms: Number.NaN };
      proxy.statements.push(statement);
      running.push({ statement, started: performance.now() });
    };
    const complete = () => {
      const done = running.shift();
      if (done) done.statement.ms = performance.now() - done.started;
    };
    const parseAnswers = () => {
      for (;;) {
        if (sslByte && answers.length > 0) {
          answers = answers.subarray(1);
          sslByte = false;
        }
        if (answers.length < 5) return;
        const type = String.fromCharCode(answers[0] ?? 0);
        const length = answers.readInt32BE(1);
        if (answers.length < 1 + length) return;
        answers = answers.subarray(1 + length);
        // A simple Query of several statements completes once per statement; its text counted
        // once, so only its first completion is taken.
        if (type === "C" || type === "I" || type === "E") complete();
        if (type === "Z") running.splice(0, running.length);
      }
    };

    const parse = () => {
      for (;;) {
        if (startup) {
          // Startup, SSLRequest and CancelRequest have no type byte: int32 length first.
          if (pending.length < 4) return;
          const length = pending.readInt32BE(0);
          if (pending.length < length) return;
          const code = length >= 8 ? pending.readInt32BE(4) : 0;
          pending = pending.subarray(length);
          // SSLRequest (80877103) / GSSENCRequest (80877104) are followed by another startup.
          if (code === 80877103 || code === 80877104) sslByte = true;
          else startup = false;
          continue;
        }
        if (pending.length < 5) return;
        const type = String.fromCharCode(pending[0] ?? 0);
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) return;
        const body = pending.subarray(5, 1 + length);
        pending = pending.subarray(1 + length);
        if (type === "Q") {
          record(cstring(body, 0)[0]);
        } else if (type === "P") {
          const [name, next] = cstring(body, 0);
          prepared.set(name, cstring(body, next)[0]);
        } else if (type === "B") {
          const [portal, next] = cstring(body, 0);
          const [statement] = cstring(body, next);
          portals.set(portal, prepared.get(statement) ?? "");
        } else if (type === "E") {
          record(portals.get(cstring(body, 0)[0]) ?? "");
        } else if (type === "C" && body[0] === 0x53) {
          prepared.delete(cstring(body, 1)[0]);
        }
      }
    };

    client.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      parse();
    });
    upstream.on("data", (chunk: Buffer) => {
      client.write(chunk);
      answers = answers.length ? Buffer.concat([answers, chunk]) : chunk;
      parseAnswers();
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end);
    upstream.on("close", end);
    client.on("error", end);
    upstream.on("error", end);
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => done());
  });
  const address = server.address();
  proxy.port = typeof address === "object" && address ? address.port : 0;
  return proxy;
}
