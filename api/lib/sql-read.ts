// Hot list reads in one hand-written statement instead of through Prisma's query interpreter.
//
// A page of 50 centres with their host, place, curators and services costs Prisma ~5 ms of CPU to
// plan, run and turn into objects (issue 12's Q2); the same rows, built as JSON by PostgreSQL and
// parsed once, cost ~2 ms. This module writes that statement from the very arguments Prisma would
// get — the `where` of the caller's scope and filter, the order, and the selection Pothos planned
// from the GraphQL query — so the access rules stay where they are (lib/scopes.ts) and nothing is
// decided twice. It answers rows in Prisma's shape (DateTime as Date, Decimal as Prisma.Decimal, relations nested under their
// field names), or `null` for anything it does not translate — a cursor, a relation ordering, a
// filter it does not know, a column type outside the plain ones — and then the caller asks Prisma.
// test/api/sql-read.test.ts holds both paths to the same answers.
import { Prisma } from "../generated/prisma/client.js";
import { datamodel } from "./datamodel.js";
import { prisma } from "./db.js";

type Tree = Record<string, unknown>;
interface Field {
  name: string;
  kind: string;
  type: string;
  isList: boolean;
  relationName?: string;
  relationFromFields?: readonly string[];
}

/** Thrown inside the compiler when a query needs what it does not translate; never escapes. */
const UNSUPPORTED = Symbol("unsupported");
const unsupported = (): never => {
  throw UNSUPPORTED;
};

const PLAIN_TYPES = new Set(["String", "Int", "Float", "Boolean", "DateTime", "Decimal", "Json"]);
/** json_build_object takes at most 100 arguments. */
const PAIRS_PER_OBJECT = 50;

function fieldsOf(model: string): readonly Field[] {
  return (datamodel.datamodel.models[model]?.fields as readonly Field[] | undefined) ?? unsupported();
}

function fieldOf(model: string, name: string): Field {
  return fieldsOf(model).find((field) => field.name === name) ?? unsupported();
}

/** Identifiers come from the data model only, never from a request. */
const column = (alias: string, name: string) => `${alias}."${name}"`;

/** Turns the JSON PostgreSQL built back into Prisma's values: only DateTime differs (epoch ms). */
type Decode = (row: Tree) => void;

class Statement {
  readonly params: unknown[] = [];
  private aliases = 0;

  param(value: unknown): string {
    this.params.push(value instanceof Date ? value.toISOString() : value);
    return `$${this.params.length}`;
  }

  alias(): string {
    return `t${this.aliases++}`;
  }

  /** The JSON object of one row of `model` at `alias` with the fields `node` selects. */
  object(model: string, alias: string, node: unknown): { sql: string; decode: Decode | null } {
    const pairs: string[] = [];
    const decoders: Decode[] = [];
    for (const [name, value] of this.selected(model, node)) {
      const field = fieldOf(model, name);
      if (field.kind === "object") {
        const nested = this.relation(alias, field, value);
        pairs.push(`'${name}', ${nested.sql}`);
        const decode = nested.decode;
        if (decode)
          decoders.push(
            field.isList
              ? (row) => (row[name] as Tree[]).forEach(decode)
              : (row) => {
                  if (row[name]) decode(row[name] as Tree);
                },
          );
      } else {
        if (field.kind !== "enum" && !PLAIN_TYPES.has(field.type)) unsupported();
        if (field.type === "DateTime") {
          if (field.isList) unsupported();
          pairs.push(`'${name}', floor(extract(epoch FROM ${column(alias, name)}) * 1000)`);
          decoders.push((row) => {
            if (row[name] !== null) row[name] = new Date(row[name] as number);
          });
        } else if (field.type === "Decimal") {
          // As text, so no digit is lost on the way through a JSON number.
          if (field.isList) unsupported();
          pairs.push(`'${name}', ${column(alias, name)}::text`);
          decoders.push((row) => {
            if (row[name] !== null) row[name] = new Prisma.Decimal(row[name] as string);
          });
        } else if (field.isList) {
          // Prisma answers a NULL list as an empty one.
          pairs.push(`'${name}', coalesce(${column(alias, name)}, '{}')`);
        } else {
          pairs.push(`'${name}', ${column(alias, name)}`);
        }
      }
    }
    if (pairs.length === 0) unsupported();
    const chunks: string[] = [];
    for (let i = 0; i < pairs.length; i += PAIRS_PER_OBJECT)
      chunks.push(`jsonb_build_object(${pairs.slice(i, i + PAIRS_PER_OBJECT).join(", ")})`);
    const decode = decoders.length
      ? (row: Tree) => {
          for (const each of decoders) each(row);
        }
      : null;
    return { sql: chunks.join(" || "), decode };
  }

  /** Which fields a select/include node asks for: `true` and `include` mean every scalar too. */
  private selected(model: string, node: unknown): [string, unknown][] {
    const scalars = () =>
      fieldsOf(model)
        .filter((field) => field.kind !== "object")
        .map((field): [string, unknown] => [field.name, true]);
    if (node === true) return scalars();
    const tree = node as Tree;
    for (const key of Object.keys(tree))
      if (key !== "select" && key !== "include" && key !== "where" && key !== "orderBy") unsupported();
    if (tree.select && tree.include) unsupported();
    const chosen = (tree.select ?? tree.include ?? {}) as Tree;
    const entries = Object.entries(chosen).filter(([name, value]) => {
      if (name === "_count") unsupported();
      return value !== false && value !== undefined;
    });
    if (!tree.select) {
      const named = new Set(entries.map(([name]) => name));
      return [...scalars().filter(([name]) => !named.has(name)), ...entries];
    }
    return entries;
  }

  /** The condition that joins `target` (at `inner`) to the row of `model` at `outer`. */
  private join(outer: string, field: Field, inner: string): string {
    const own = field.relationFromFields ?? [];
    if (own.length === 1 && !field.isList) return `${column(inner, "id")} = ${column(outer, own[0] as string)}`;
    if (own.length > 0) unsupported();
    const back = fieldsOf(field.type).find(
      (other) =>
        other.relationName === field.relationName && other !== field && (other.relationFromFields?.length ?? 0) > 0,
    );
    if (!back || back.isList || back.relationFromFields?.length !== 1) unsupported();
    return `${column(inner, back?.relationFromFields?.[0] as string)} = ${column(outer, "id")}`;
  }

  private relation(outer: string, field: Field, node: unknown) {
    const inner = this.alias();
    const target = field.type;
    const object = this.object(target, inner, node);
    const tree = node === true ? {} : (node as Tree);
    const on = this.join(outer, field, inner);
    if (!field.isList) {
      if (tree.where || tree.orderBy) unsupported();
      return { sql: `(SELECT ${object.sql} FROM "${target}" ${inner} WHERE ${on})`, decode: object.decode };
    }
    const where = tree.where ? ` AND (${this.where(target, inner, tree.where)})` : "";
    const order = this.orderBy(target, inner, tree.orderBy ?? { id: "asc" });
    return {
      sql: `(SELECT coalesce(jsonb_agg(${object.sql} ORDER BY ${order}), '[]'::jsonb) FROM "${target}" ${inner} WHERE ${on}${where})`,
      decode: object.decode,
    };
  }

  /** Prisma's `where` for `model` at `alias`: the operators our scopes and filters use. */
  where(model: string, alias: string, where: unknown): string {
    if (where === undefined) return "TRUE";
    if (typeof where !== "object" || where === null || Array.isArray(where)) unsupported();
    const parts: string[] = [];
    for (const [key, value] of Object.entries(where as Tree)) {
      if (value === undefined) continue;
      if (key === "AND") {
        for (const each of Array.isArray(value) ? value : [value]) parts.push(`(${this.where(model, alias, each)})`);
      } else if (key === "OR") {
        const list = (Array.isArray(value) ? value : [value]) as unknown[];
        parts.push(
          list.length ? `(${list.map((each) => `(${this.where(model, alias, each)})`).join(" OR ")})` : "FALSE",
        );
      } else {
        const field = fieldOf(model, key);
        parts.push(
          field.kind === "object" ? this.relationFilter(alias, field, value) : this.filter(alias, field, value),
        );
      }
    }
    return parts.length ? parts.join(" AND ") : "TRUE";
  }

  /** A to-one relation's filter, `{ settlement: { isRural: true } }`: the related row matches. */
  private relationFilter(alias: string, field: Field, value: unknown): string {
    if (field.isList || value === null || typeof value !== "object") unsupported();
    const tree = value as Tree;
    if ("is" in tree || "isNot" in tree) unsupported();
    const inner = this.alias();
    return `EXISTS (SELECT 1 FROM "${field.type}" ${inner} WHERE ${this.join(alias, field, inner)} AND (${this.where(field.type, inner, tree)}))`;
  }

  private filter(alias: string, field: Field, value: unknown): string {
    const col = column(alias, field.name);
    if (value === null) return `${col} IS NULL`;
    if (typeof value !== "object" || value instanceof Date) {
      if (field.isList) unsupported();
      return `${col} = ${this.param(value)}`;
    }
    const parts: string[] = [];
    const ops = { ...(value as Tree) };
    const mode = ops.mode;
    delete ops.mode;
    if (mode !== undefined && mode !== "insensitive" && mode !== "default") unsupported();
    for (const [op, operand] of Object.entries(ops)) {
      if (operand === undefined) continue;
      if (field.isList && op !== "has") unsupported();
      if (op === "has") {
        if (!field.isList || operand === null) unsupported();
        parts.push(`${this.param(operand)} = ANY(${col})`);
      } else if (op === "equals") {
        parts.push(operand === null ? `${col} IS NULL` : `${col} = ${this.param(operand)}`);
      } else if (op === "not" && operand === null) {
        parts.push(`${col} IS NOT NULL`);
      } else if (op === "in") {
        if (!Array.isArray(operand)) unsupported();
        parts.push((operand as unknown[]).length ? `${col} = ANY(${this.param(operand)})` : "FALSE");
      } else if (op === "contains" && typeof operand === "string" && field.type === "String") {
        // Prisma's `contains` does not escape % and _; callers escape them (lib/validate.ts), as for Prisma.
        parts.push(`${col} ${mode === "insensitive" ? "ILIKE" : "LIKE"} '%' || ${this.param(operand)}::text || '%'`);
      } else if ((op === "lt" || op === "lte" || op === "gt" || op === "gte") && operand !== null) {
        const sign = { lt: "<", lte: "<=", gt: ">", gte: ">=" }[op];
        parts.push(`${col} ${sign} ${this.param(operand)}`);
      } else {
        unsupported();
      }
    }
    // An operator object with nothing in it is Prisma's to refuse.
    if (parts.length === 0) unsupported();
    return parts.join(" AND ");
  }

  /** Scalar orderings only, PostgreSQL's default null placement, as Prisma leaves it. */
  orderBy(model: string, alias: string, orderBy: unknown): string {
    const list = (Array.isArray(orderBy) ? orderBy : [orderBy]) as unknown[];
    const terms: string[] = [];
    for (const each of list) {
      for (const [name, direction] of Object.entries(each as Tree)) {
        const field = fieldOf(model, name);
        if (field.kind === "object" || (direction !== "asc" && direction !== "desc")) unsupported();
        terms.push(`${column(alias, name)} ${direction === "desc" ? "DESC" : "ASC"}`);
      }
    }
    if (terms.length === 0) unsupported();
    return terms.join(", ");
  }
}

export interface FindManyArgs {
  where?: unknown;
  orderBy?: unknown;
  select?: unknown;
  include?: unknown;
  take?: number;
  skip?: number;
  [other: string]: unknown;
}

function compile<T>(build: (statement: Statement) => T): { statement: Statement; result: T } | null {
  const statement = new Statement();
  try {
    return { statement, result: build(statement) };
  } catch (error) {
    if (error === UNSUPPORTED) return null;
    throw error;
  }
}

/**
 * `prisma[model].findMany(args)`'s rows in one statement, or null when `args` holds anything this
 * module does not translate (then the caller asks Prisma).
 */
export async function findManyInOneStatement<Row>(model: string, args: FindManyArgs): Promise<Row[] | null> {
  const compiled = compile((statement) => {
    for (const key of Object.keys(args))
      if (!["where", "orderBy", "select", "include", "take", "skip"].includes(key) && args[key] !== undefined)
        unsupported();
    const take = args.take;
    const skip = args.skip ?? 0;
    if (take !== undefined && (!Number.isInteger(take) || take < 0)) unsupported();
    if (!Number.isInteger(skip) || skip < 0) unsupported();
    const alias = statement.alias();
    const object = statement.object(model, alias, { select: args.select, include: args.include });
    const where = statement.where(model, alias, args.where);
    const order = statement.orderBy(model, alias, args.orderBy ?? { id: "asc" });
    const limit = take === undefined ? "" : ` LIMIT ${take}`;
    const sql = `SELECT (${object.sql})::text AS "row" FROM "${model}" ${alias} WHERE ${where} ORDER BY ${order}${limit} OFFSET ${skip}`;
    return { sql, decode: object.decode };
  });
  if (!compiled) return null;
  const rows = await prisma.$queryRawUnsafe<{ row: string }[]>(compiled.result.sql, ...compiled.statement.params);
  const decode = compiled.result.decode;
  return rows.map(({ row }) => {
    const value = JSON.parse(row) as Tree;
    decode?.(value);
    return value as Row;
  });
}

/** `prisma[model].count({ where })` in one plain statement, or null as above. */
export async function countInOneStatement(model: string, where: unknown): Promise<number | null> {
  const compiled = compile((statement) => {
    const alias = statement.alias();
    return `SELECT count(*)::int AS "count" FROM "${model}" ${alias} WHERE ${statement.where(model, alias, where)}`;
  });
  if (!compiled) return null;
  const [row] = await prisma.$queryRawUnsafe<{ count: number }[]>(compiled.result, ...compiled.statement.params);
  return row?.count ?? 0;
}
