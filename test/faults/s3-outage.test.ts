// The file store dies mid-upload: s3rver, in a process of its own, is killed (SIGKILL) while
// several clients run the whole upload protocol (request → POST to S3 → confirm) against the
// real server, then started again on the same port and directory. test/api/files-faults.test.ts
// covers one confirmation during a clean stop, in process; here the store dies under
// concurrent uploads, with the server as its own process. Afterwards: no AVAILABLE file
// without its object (with the declared content), confirmations during the outage answered a
// coded error in time, uploads can be finished by retrying, and what is left PENDING expires.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../api/lib/embedded.js";
import {
  type Answer,
  createDatabase,
  type Database,
  graphql,
  migrateAndSeed,
  ROOT,
  type ServerProcess,
  signIn,
  sleep,
  startServer,
  tempDir,
} from "../load/stack.js";
import { controlCluster } from "./cluster.js";

const BUCKET = "dostup-faults-s3";
const WORKERS = 8;
/** Slower than this counts as a hang (generous: the suite may share a loaded two-core machine). */
const TIMELY_MS = 30_000;

const { dir: clusterDir, port: clusterPort } = inject("cluster");
const cluster = controlCluster(clusterDir, clusterPort);

interface Upload {
  fileId: string;
  key?: string;
  body: Buffer;
  sha256: string;
  form: { url: string; fields: { name: string; value: string }[] };
  posted: boolean;
  /** Last confirmation answer: "AVAILABLE", "REJECTED", or how it failed. */
  confirmed?: string;
}

interface Step {
  step: "request" | "post" | "confirm";
  ok: boolean;
  kind: string;
  ms: number;
}

let database: Database;
let server: ServerProcess;
let pool: pg.Pool;
let s3Dir: Awaited<ReturnType<typeof tempDir>>;
let serverDir: Awaited<ReturnType<typeof tempDir>>;
let s3Port: number;
let s3rver: ChildProcess | null = null;
let curator: Record<string, string>;
const reportIds: string[] = [];

async function startS3(): Promise<void> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/faults/s3rver-process.ts", s3Dir.path, BUCKET, String(s3Port)],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 60_000;
  while (!output.includes("s3rver ready")) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`s3rver did not start: ${output}`);
    await sleep(100);
  }
  s3rver = child;
}

async function killS3(): Promise<void> {
  const child = s3rver;
  s3rver = null;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGKILL");
  await exited;
}

beforeAll(async () => {
  s3Dir = await tempDir("faults-s3");
  serverDir = await tempDir("faults-s3-server");
  s3Port = await freePort();
  await startS3();
  database = await createDatabase(cluster.url, "faults_s3");
  await migrateAndSeed(database.url);
  server = await startServer({
    databaseUrl: database.url,
    dataDir: serverDir.path,
    s3Endpoint: `http://127.0.0.1:${s3Port}`,
    s3Bucket: BUCKET,
  });
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  curator = await signIn(server.url, "curator@dostup.local");
  // One DRAFT report per worker, through the API, on periods no other file uses.
  const centre = await pool.query<{ id: string }>(
    `SELECT c.id FROM "Centre" c JOIN "Region" r ON r.id = c."regionId" WHERE r.code = '18' AND c."archivedAt" IS NULL ORDER BY c.id LIMIT 1`,
  );
  const form = await pool.query<{ id: string }>(
    `SELECT id FROM "ReportForm" WHERE status = 'ACTIVE' AND periodicity = 'MONTHLY' ORDER BY code LIMIT 1`,
  );
  const { toGlobalId } = await import("../../api/lib/ids.js");
  for (let i = 0; i < WORKERS; i++) {
    const answer = await graphql<{ r: { data?: { id: string } } }>(
      server.url,
      `mutation R($input: CreateReportInput!) { r: createReport(input: $input) { ... on MutationCreateReportSuccess { data { id } } } }`,
      {
        input: {
          formId: toGlobalId("ReportForm", form.rows[0]?.id ?? ""),
          centreId: toGlobalId("Centre", centre.rows[0]?.id ?? ""),
          periodStart: `2090-${String(i + 1).padStart(2, "0")}-01`,
        },
      },
      curator,
    );
    const id = answer.data?.r.data?.id;
    if (!id) throw new Error(`createReport failed: ${JSON.stringify(answer)}`);
    reportIds.push(id);
  }
});

afterAll(async () => {
  await server?.stop();
  await killS3();
  await pool?.end();
  await database?.drop();
  await s3Dir?.remove();
  await serverDir?.remove();
});

const RESULT = "__typename ... on Error { message }";

function kindOf(answer: Answer, field: string): string {
  if (answer.status === 0) return answer.failure === "timeout" ? "timeout" : "network";
  if (answer.status >= 500) return `http ${answer.status}`;
  const code = answer.errors?.[0]?.extensions?.code;
  if (answer.errors?.length) return `error ${code ?? "NO_CODE"}`;
  const result = (answer.data as Record<string, { __typename: string; data?: { status?: string } }>)?.[field];
  if (!result) return "no data";
  return result.__typename.endsWith("Success") ? (result.data?.status ?? "success") : result.__typename;
}

async function requestUpload(reportId: string, steps: Step[]): Promise<Upload | null> {
  // 64 KiB to 1 MiB: large enough that the store can die in the middle of one.
  const body = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(65_536 + Math.floor(Math.random() * 960_000))]);
  const sha256 = createHash("sha256").update(body).digest("hex");
  const answer = await graphql<{ r: { __typename: string; data?: { file: { id: string }; upload: Upload["form"] } } }>(
    server.url,
    `mutation R($input: RequestFileUploadInput!) { r: requestFileUpload(input: $input) { ${RESULT}
      ... on MutationRequestFileUploadSuccess { data { file { id status } upload { url fields { name value } } } } } }`,
    {
      input: {
        purpose: "REPORT",
        reportId,
        fileName: "Отчёт о работе.pdf",
        contentType: "application/pdf",
        size: body.length,
        sha256,
      },
    },
    curator,
    TIMELY_MS * 2,
  );
  const kind = kindOf(answer, "r");
  steps.push({ step: "request", ok: kind === "success", kind, ms: answer.ms });
  const data = answer.data?.r.data;
  return data ? { fileId: data.file.id, body, sha256, form: data.upload, posted: false } : null;
}

async function post(upload: Upload, steps: Step[]): Promise<void> {
  const started = performance.now();
  const form = new FormData();
  for (const field of upload.form.fields) form.append(field.name, field.value);
  form.append("file", new Blob([new Uint8Array(upload.body)], { type: "application/pdf" }), "report.pdf");
  let kind: string;
  try {
    const response = await fetch(upload.form.url, {
      method: "POST",
      body: form,
      signal: AbortSignal.timeout(TIMELY_MS * 2),
    });
    await response.arrayBuffer();
    kind = response.status < 300 ? "ok" : `http ${response.status}`;
    upload.posted = response.status < 300;
  } catch (error) {
    kind = (error as Error).name === "TimeoutError" ? "timeout" : "network";
  }
  steps.push({ step: "post", ok: kind === "ok", kind, ms: performance.now() - started });
}

async function confirm(upload: Upload, steps: Step[]): Promise<string> {
  const answer = await graphql<{ r: { __typename: string; data?: { status: string } } }>(
    server.url,
    `mutation C($input: ConfirmFileUploadInput!) { r: confirmFileUpload(input: $input) { ${RESULT}
      ... on MutationConfirmFileUploadSuccess { data { id status rejectReason } } } }`,
    { input: { fileId: upload.fileId } },
    curator,
    TIMELY_MS * 2,
  );
  const kind = kindOf(answer, "r");
  steps.push({ step: "confirm", ok: kind === "AVAILABLE", kind, ms: answer.ms });
  upload.confirmed = kind;
  return kind;
}

describe("s3rver killed during uploads", () => {
  it("leaves no AVAILABLE file without its object; unfinished uploads are retried or expire", async () => {
    const uploads: Upload[] = [];
    const steps: Step[] = [];
    let running = true;
    const worker = async (i: number) => {
      const reportId = reportIds[i] ?? "";
      while (running) {
        const upload = await requestUpload(reportId, steps);
        if (!upload) continue;
        uploads.push(upload);
        await post(upload, steps);
        if (upload.posted) await confirm(upload, steps);
      }
    };
    // Uploads whose bytes reach the store but which are confirmed only while it is down.
    const staged: Upload[] = [];
    for (const reportId of reportIds.slice(0, 4)) {
      const upload = await requestUpload(reportId, steps);
      if (upload) await post(upload, steps);
      if (upload?.posted) staged.push(upload);
    }
    expect(staged).toHaveLength(4);
    uploads.push(...staged);
    const workers = Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(i)));
    await sleep(4_000);
    await killS3();
    const outageStarted = steps.length;
    await sleep(3_000);
    const outageConfirms: Step[] = [];
    for (const upload of staged) await confirm(upload, outageConfirms);
    // The store said it is unreachable, with its own code: the client knows to retry.
    expect(outageConfirms.map((s) => s.kind)).toEqual(staged.map(() => "error S3_UNAVAILABLE"));
    await sleep(2_000);
    await startS3();
    await sleep(4_000);
    running = false;
    await workers;
    steps.push(...outageConfirms);
    const tally = (list: Step[]) =>
      list.reduce<Record<string, number>>((acc, s) => {
        const key = `${s.step} ${s.kind}`;
        acc[key] = (acc[key] ?? 0) + 1;
        return acc;
      }, {});
    process.stdout.write(
      `s3 outage: ${uploads.length} uploads; answers ${JSON.stringify(tally(steps))}; from the kill on ${JSON.stringify(tally(steps.slice(outageStarted)))}\n`,
    );

    expect(server.exited(), server.output().slice(-3000)).toBe(false);
    // Every step answered in time; the API answered typed results or a coded error, never a 5xx.
    const serverLog = () => server.output().slice(-4000);
    expect(
      steps.filter((s) => s.ms > TIMELY_MS),
      serverLog(),
    ).toEqual([]);
    const api = steps.filter((s) => s.step !== "post");
    expect(
      api.filter(
        (s) =>
          s.kind === "network" || s.kind === "timeout" || s.kind.startsWith("http 5") || s.kind === "error NO_CODE",
      ),
    ).toEqual([]);
    // A confirmation while the store is down says so with its own code, not "Unexpected error".
    expect(
      api.filter((s) => s.kind === "error INTERNAL_SERVER_ERROR"),
      serverLog(),
    ).toEqual([]);
    expect(steps.slice(outageStarted).some((s) => s.kind === "error S3_UNAVAILABLE" || s.kind === "network")).toBe(
      true,
    );
    // Uploads finished before and after the outage.
    expect(steps.filter((s) => s.step === "confirm" && s.kind === "AVAILABLE").length).toBeGreaterThan(WORKERS);

    // Retry: every upload whose bytes reached the store is confirmed again and settles; half
    // of those that never reached it are posted again (the form is valid for 15 minutes).
    const retrySteps: Step[] = [];
    const neverPosted = uploads.filter((u) => !u.posted);
    for (const upload of neverPosted.filter((_, i) => i % 2 === 0)) await post(upload, retrySteps);
    for (const upload of uploads.filter((u) => u.posted && u.confirmed !== "AVAILABLE" && u.confirmed !== "REJECTED"))
      await confirm(upload, retrySteps);
    expect(retrySteps.filter((s) => !s.ok && s.step === "post")).toEqual([]);
    for (const s of retrySteps.filter((s) => s.step === "confirm")) expect(["AVAILABLE", "REJECTED"]).toContain(s.kind);
    // The uploads confirmed in vain during the outage went through once the store was back.
    expect(staged.map((u) => u.confirmed)).toEqual(staged.map(() => "AVAILABLE"));

    // What is still PENDING expires: the scheduled job, as it would run 24 hours later.
    const { rows: pendingBefore } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM "StoredFile" WHERE status = 'PENDING'`,
    );
    const expired = await expirePending();
    expect(expired).toBe(Number(pendingBefore[0]?.n));
    expect(
      Number((await pool.query(`SELECT count(*) AS n FROM "StoredFile" WHERE status = 'PENDING'`)).rows[0].n),
    ).toBe(0);

    // The invariant: every AVAILABLE file has its object, with exactly the declared content.
    const s3 = new S3Client({
      region: "us-east-1",
      endpoint: `http://127.0.0.1:${s3Port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    });
    const available = await pool.query<{ key: string; sha256: string; size: string }>(
      `SELECT key, sha256, size FROM "StoredFile" WHERE status = 'AVAILABLE' AND bucket = $1`,
      [BUCKET],
    );
    expect(available.rows.length).toBeGreaterThan(WORKERS);
    const missing: string[] = [];
    for (const file of available.rows) {
      try {
        const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: file.key }));
        const bytes = Buffer.from(
          await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
        );
        const hash = createHash("sha256").update(bytes).digest("hex");
        if (hash !== file.sha256 || String(bytes.length) !== file.size) missing.push(`${file.key}: content differs`);
      } catch (error) {
        missing.push(`${file.key}: ${(error as Error).name}`);
      }
    }
    s3.destroy();
    expect(missing).toEqual([]);
    // And every upload the client saw confirmed AVAILABLE is one of them.
    const confirmedIds = uploads.filter((u) => u.confirmed === "AVAILABLE").map((u) => u.fileId);
    const { fromGlobalId } = await import("../../api/lib/ids.js");
    const rows = await pool.query<{ id: string; status: string }>(
      `SELECT id, status FROM "StoredFile" WHERE id = ANY($1::uuid[])`,
      [confirmedIds.map((id) => fromGlobalId("StoredFile", id))],
    );
    expect(rows.rows.filter((r) => r.status !== "AVAILABLE")).toEqual([]);
    expect(rows.rows.length).toBe(confirmedIds.length);
  });
});

/**
 * Runs the scheduled job's stale-upload step with "now" as the cut-off (it uses 24 hours
 * ago), in a process configured like the server, and returns how many it rejected.
 */
async function expirePending(): Promise<number> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/faults/expire-pending.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
      S3_BUCKET: BUCKET,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((done) => child.once("exit", done));
  const match = /REJECTED (\d+)/.exec(output);
  if (code !== 0 || !match) throw new Error(`the expiry job failed (${code}): ${output}`);
  return Number(match[1]);
}
