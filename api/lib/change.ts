// Every change goes through `change()`: one transaction holding the change and its
// ChangeLog rows, with database errors mapped to domain errors. Nothing is half-written.
import type { ChangeAction, Prisma } from "../generated/prisma/client.js";
import type { Access } from "./access.js";
import { prisma } from "./db.js";
import { ConflictError, mapDatabaseError, NotFoundError } from "./errors.js";

export type Tx = Prisma.TransactionClient;

export interface LogEntry {
  entity: string;
  entityId: string;
  action: ChangeAction;
  regionId?: string | null;
  before?: object | null;
  after?: object | null;
  /** Extra facts for transitions (e.g. a return reason). */
  note?: Record<string, unknown>;
}

const IGNORED = new Set(["updatedAt", "createdAt", "version", "passwordHash", "keyHash"]);

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return Number(value);
  if (value && typeof value === "object" && "toFixed" in value) return String(value);
  return value ?? null;
}

/** `{ field: { from, to } }` for every field whose value differs. */
export function diff(
  before: object | null | undefined,
  after: object | null | undefined,
): Record<string, { from: unknown; to: unknown }> {
  const result: Record<string, { from: unknown; to: unknown }> = {};
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (IGNORED.has(key)) continue;
    const from = plain(a[key]);
    const to = plain(b[key]);
    if (JSON.stringify(from) !== JSON.stringify(to)) result[key] = { from, to };
  }
  return result;
}

function logRow(access: Access, entry: LogEntry): Prisma.ChangeLogUncheckedCreateInput {
  const changes: Record<string, unknown> = diff(entry.before, entry.after);
  if (entry.note) changes._note = entry.note;
  return {
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    regionId: entry.regionId ?? null,
    changes: changes as Prisma.InputJsonValue,
    actorUserId: access.identity?.kind === "user" ? access.identity.userId : null,
    actorApiClientId: access.identity?.kind === "partner" ? access.identity.apiClientId : null,
  };
}

export async function log(tx: Tx, access: Access, entry: LogEntry): Promise<void> {
  await tx.changeLog.create({ data: logRow(access, entry) });
}

/** `log` for many changes in one statement: the thousands of rows an import may create. */
export async function logMany(tx: Tx, access: Access, entries: readonly LogEntry[]): Promise<void> {
  if (entries.length > 0) await tx.changeLog.createMany({ data: entries.map((entry) => logRow(access, entry)) });
}

/** Runs `fn` in one transaction; database errors come out as domain errors. */
export async function change<T>(entity: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await prisma.$transaction(fn, { maxWait: 5_000, timeout: 20_000 });
  } catch (error) {
    throw mapDatabaseError(error, entity);
  }
}

/**
 * After an `updateMany({ where: { id, version } })`: nothing updated means the row is gone
 * (NotFound) or someone saved first (Conflict, with the version to reload).
 */
export function assertUpdated(
  count: number,
  current: { version: number } | null,
  entity: string,
  expectedVersion: number,
): void {
  if (count > 0) return;
  if (!current) throw new NotFoundError(entity);
  throw new ConflictError(
    "VERSION_CONFLICT",
    { entity, current: current.version, yours: expectedVersion },
    current.version,
  );
}

export interface VersionedSave<Row> {
  /** ChangeLog entity name, e.g. "Centre". */
  entity: string;
  /** How messages name the record, e.g. "centre". */
  label: string;
  before: { id: string; version: number };
  /** The version the caller read. */
  version: number;
  action: ChangeAction;
  /** The update, guarded by `where` (id and version); it must increment `version`. */
  update: (where: { id: string; version: number }) => Promise<{ count: number }>;
  reload: () => Promise<Row>;
  regionOf: (row: Row) => string | null;
  note?: Record<string, unknown>;
}

/**
 * The tail of every versioned change: update only if nobody saved first (else Conflict or
 * NotFound), reload, and log the difference in the same transaction.
 */
export async function saveVersion<Row extends object>(tx: Tx, access: Access, save: VersionedSave<Row>): Promise<Row> {
  const result = await save.update({ id: save.before.id, version: save.version });
  assertUpdated(result.count, save.before, save.label, save.version);
  const after = await save.reload();
  await log(tx, access, {
    entity: save.entity,
    entityId: save.before.id,
    action: save.action,
    regionId: save.regionOf(after),
    before: save.before,
    after,
    note: save.note,
  });
  return after;
}

type Model = keyof Prisma.TypeMap["model"];
/** A row of `Name` as Prisma reads it (its columns). */
type Scalars<Name extends Model> = Prisma.TypeMap["model"][Name]["payload"]["scalars"];

export interface RowSave<Name extends Model>
  extends Omit<VersionedSave<Scalars<Name>>, "update" | "reload" | "regionOf"> {
  entity: Name;
  /** The columns that change; `version` is incremented beside them. */
  data: Prisma.TypeMap["model"][Name]["operations"]["updateMany"]["args"]["data"];
  /** The region the change log files the change under: the row's `regionId` unless said. */
  regionOf?: (row: Scalars<Name>) => string | null;
}

/**
 * `saveVersion` for the common case: one row of `entity`, updated with `data` by its id and the
 * version read, then read again whole. Each model's delegate is the one named by `entity`.
 */
export function saveRow<Name extends Model>(tx: Tx, access: Access, save: RowSave<Name>): Promise<Scalars<Name>> {
  const { data, regionOf, ...rest } = save;
  const delegate = tx[`${save.entity[0]?.toLowerCase()}${save.entity.slice(1)}` as Uncapitalize<Name>] as unknown as {
    updateMany(args: object): Promise<{ count: number }>;
    findUniqueOrThrow(args: object): Promise<Scalars<Name>>;
  };
  return saveVersion(tx, access, {
    ...rest,
    update: (where) => delegate.updateMany({ where, data: { ...data, version: { increment: 1 } } }),
    reload: () => delegate.findUniqueOrThrow({ where: { id: save.before.id } }),
    regionOf: regionOf ?? ((row) => (row as { regionId?: string | null }).regionId ?? null),
  });
}

/**
 * Archiving (`archived`) or restoring one row, logged as ARCHIVE or RESTORE: `archivedAt` set to
 * now or cleared, unless `data` says what archived means for the model (a status).
 */
export function saveArchived<Name extends Model>(
  tx: Tx,
  access: Access,
  save: Omit<RowSave<Name>, "action" | "data"> & { archived: boolean; data?: RowSave<Name>["data"] },
): Promise<Scalars<Name>> {
  const { archived, data, ...rest } = save;
  return saveRow(tx, access, {
    ...rest,
    action: archived ? "ARCHIVE" : "RESTORE",
    data: data ?? ({ archivedAt: archived ? new Date() : null } as RowSave<Name>["data"]),
  });
}
