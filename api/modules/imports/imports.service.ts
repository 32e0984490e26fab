// Registry imports: a region's host organisations, centres or services from one spreadsheet. Every
// row is checked first; any problem and nothing is applied (a FAILED batch lists each); otherwise
// one transaction creates, updates or leaves each record, matched by the region's own code, so the
// same file imported again changes nothing. Every attempt is kept as an ImportBatch of the region.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client.js";
import { type Access, assertWritable, inRegions } from "../../lib/access.js";
import { assertUpdated, change, diff, log, logMany, type Tx } from "../../lib/change.js";
import { prisma } from "../../lib/db.js";
import { NotFoundError } from "../../lib/errors.js";
import { fromGlobalId } from "../../lib/ids.js";
import { decodeContent } from "../spreadsheets/report-import.service.js";
import {
  CONTENT_TYPES,
  EXTENSIONS,
  readSheetFile,
  UnreadableSheetError,
  writeSheet,
} from "../spreadsheets/sheet-files.js";
import type { ImportRegistryData, RegistryImportFilterData, RegistryTemplateData } from "./imports.inputs.js";
import { type RegionRefs, type RegistryRecord, readRecords, UNIQUE_COLUMNS } from "./registry-rows.js";
import {
  hoursKey,
  type RegistryKind,
  type RegistryProblem,
  registryTemplateLayout,
  sheetRows,
  type WeeklyHour,
} from "./registry-sheet.js";

const FILE_NAMES: Record<RegistryKind, string> = {
  ORGANISATIONS: "organisations",
  CENTRES: "centres",
  SERVICES: "services",
};

/** The template of a kind: its Russian header row and a Pskov example row. */
export async function registryTemplate(data: RegistryTemplateData) {
  const bytes = await writeSheet(data.format, registryTemplateLayout(data.kind));
  return {
    fileName: `registry-${FILE_NAMES[data.kind]}-template.${EXTENSIONS[data.format]}`,
    contentType: CONTENT_TYPES[data.format],
    base64: bytes.toString("base64"),
  };
}

// ── The history ──

const REGISTRY_KINDS: RegistryKind[] = ["ORGANISATIONS", "CENTRES", "SERVICES"];

/** The registry batches the caller may see: of the regions they read, filtered. */
export function registryImportWhere(
  access: Access,
  filter: RegistryImportFilterData | null | undefined,
): Prisma.ImportBatchWhereInput {
  return {
    AND: [
      { kind: { in: REGISTRY_KINDS }, reportId: null, regionId: inRegions(access.read) ?? { not: null } },
      access.partner ? { id: { in: [] } } : {},
      filter?.kind ? { kind: filter.kind } : {},
      filter?.regionId ? { regionId: fromGlobalId("Region", filter.regionId, "filter.regionId") } : {},
    ],
  };
}

// ── Reading the file ──

/** What the records of a file refer to, read once for the whole file. */
async function regionRefs(regionId: string): Promise<RegionRefs> {
  const [municipalities, organisations] = await Promise.all([
    prisma.municipality.findMany({
      where: { regionId },
      select: { id: true, oktmo: true, settlements: { select: { id: true, name: true } } },
    }),
    prisma.organisation.findMany({ where: { regionId, code: { not: null } }, select: { id: true, code: true } }),
  ]);
  return {
    municipalities: new Map(
      municipalities.map((m) => [
        m.oktmo,
        {
          id: m.id,
          settlements: new Map(m.settlements.map((s) => [s.name.toLowerCase().replaceAll("ё", "е"), s.id])),
        },
      ]),
    ),
    organisations: new Map(organisations.map((o) => [o.code ?? "", o.id])),
  };
}

/** The registration and register numbers the file gives that another record already has. */
async function takenElsewhere(
  kind: RegistryKind,
  regionId: string,
  records: readonly RegistryRecord[],
): Promise<RegistryProblem[]> {
  const problems: RegistryProblem[] = [];
  for (const key of UNIQUE_COLUMNS[kind]) {
    const values = records.map((r) => r.data[key]).filter((v): v is string => typeof v === "string");
    if (values.length === 0) continue;
    const where = { [key]: { in: values } };
    const select = { [key]: true, regionId: true, code: true, name: true };
    const owners = (kind === "ORGANISATIONS"
      ? await prisma.organisation.findMany({ where, select })
      : await prisma.service.findMany({ where, select })) as unknown as {
      regionId: string | null;
      code: string | null;
      name: string;
      [column: string]: unknown;
    }[];
    const byValue = new Map(owners.map((owner) => [owner[key], owner]));
    for (const record of records) {
      const owner = byValue.get(record.data[key]);
      if (!owner || (owner.regionId === regionId && owner.code === record.code)) continue;
      problems.push({
        line: record.line,
        column: { inn: "ИНН", ogrn: "ОГРН", registryId: "Номер в реестре (ФРГУ)" }[key] ?? key,
        code: "INVALID_VALUE",
        reason: `${String(record.data[key])} already belongs to «${owner.name}»${owner.code ? ` (code ${owner.code})` : ""}.`,
      });
    }
  }
  return problems;
}

async function readFile(
  data: ImportRegistryData,
  regionId: string,
): Promise<{ rowCount: number; records: RegistryRecord[]; problems: RegistryProblem[] }> {
  let cells: Awaited<ReturnType<typeof readSheetFile>>;
  try {
    cells = await readSheetFile(data.format, decodeContent(data.content));
  } catch (error) {
    if (!(error instanceof UnreadableSheetError)) throw error;
    const problem = { line: error.line ?? 1, column: null, code: "UNREADABLE_FILE" as const, reason: error.message };
    return { rowCount: 0, records: [], problems: [problem] };
  }
  const { rows, problems } = sheetRows(data.kind, cells);
  if (problems.length > 0) return { rowCount: rows.length, records: [], problems };
  const read = readRecords(data.kind, rows, await regionRefs(regionId));
  const taken = read.problems.length === 0 ? await takenElsewhere(data.kind, regionId, read.records) : [];
  const all = [...read.problems, ...taken].sort((a, b) => a.line - b.line);
  return { rowCount: rows.length, records: read.records, problems: all };
}

// ── Applying it ──

type Entity = "Organisation" | "Centre" | "Service";
const ENTITIES: Record<RegistryKind, Entity> = {
  ORGANISATIONS: "Organisation",
  CENTRES: "Centre",
  SERVICES: "Service",
};

/** The Prisma delegate of an entity, with the calls an import makes of it. */
function delegate(tx: Tx, entity: Entity) {
  return tx[`${entity[0]?.toLowerCase()}${entity.slice(1)}` as "organisation"] as unknown as {
    findMany(args: object): Promise<Row[]>;
    createManyAndReturn(args: object): Promise<Row[]>;
    updateMany(args: object): Promise<{ count: number }>;
    findUniqueOrThrow(args: object): Promise<Row>;
  };
}
type Row = { id: string; code: string | null; version: number; regionId: string | null } & Record<string, unknown>;

/** What a new record of a kind holds besides the file's columns. */
function createData(kind: RegistryKind, regionId: string, record: RegistryRecord): Record<string, unknown> {
  const base = { ...record.data, code: record.code, regionId };
  // A register entry is published at once, as a service entered in the panel is.
  return kind === "SERVICES" ? { ...base, status: "PUBLISHED" } : base;
}

/** The file's columns of a record that differ from the row (kinds compared as a set). */
function changedColumns(row: Row, data: Record<string, unknown>): Record<string, unknown> {
  const asSet = (value: unknown) => (Array.isArray(value) ? [...value].sort() : value);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of Object.keys(data)) {
    before[key] = asSet(row[key]);
    after[key] = asSet(data[key]);
  }
  return Object.fromEntries(Object.keys(diff(before, after)).map((key) => [key, data[key]]));
}

type Counts = { created: number; updated: number; unchanged: number };

/**
 * The new records, a thousand to a statement (a region's first import is all new: Pskov's 141
 * centres at once), their weekly hours in one more, and a ChangeLog CREATE for each.
 */
async function createRecords(
  tx: Tx,
  access: Access,
  kind: RegistryKind,
  regionId: string,
  records: readonly RegistryRecord[],
): Promise<void> {
  const entity = ENTITIES[kind];
  for (let i = 0; i < records.length; i += 1000) {
    const chunk = records.slice(i, i + 1000).map((record) => ({ id: randomUUID(), record }));
    const rows = await delegate(tx, entity).createManyAndReturn({
      data: chunk.map(({ id, record }) => ({ id, ...createData(kind, regionId, record) })),
    });
    const hours = chunk.flatMap(({ id, record }) => (record.hours ?? []).map((h) => ({ ...h, centreId: id })));
    if (hours.length > 0) await tx.openingHours.createMany({ data: hours });
    const hoursOf = new Map<string, WeeklyHour[] | null>(chunk.map(({ id, record }) => [id, record.hours]));
    await logMany(
      tx,
      access,
      rows.map((row) => {
        const given = hoursOf.get(row.id);
        const after = given?.length ? { ...row, openingHours: hoursKey(given) } : row;
        return { entity, entityId: row.id, action: "CREATE" as const, regionId, after };
      }),
    );
  }
}

async function applyRecords(
  tx: Tx,
  access: Access,
  kind: RegistryKind,
  regionId: string,
  records: readonly RegistryRecord[],
): Promise<Counts> {
  const entity = ENTITIES[kind];
  const rows = delegate(tx, entity);
  const existing = new Map<string, Row>();
  for (let i = 0; i < records.length; i += 1000) {
    const codes = records.slice(i, i + 1000).map((r) => r.code);
    for (const row of await rows.findMany({ where: { regionId, code: { in: codes } } }))
      existing.set(row.code ?? "", row);
  }
  const hoursNow = new Map<string, string>();
  if (kind === "CENTRES" && existing.size > 0) {
    const hours = await tx.openingHours.findMany({
      where: { centreId: { in: [...existing.values()].map((row) => row.id) } },
    });
    const byCentre = new Map<string, WeeklyHour[]>();
    for (const h of hours) byCentre.set(h.centreId, [...(byCentre.get(h.centreId) ?? []), h]);
    for (const [centreId, list] of byCentre) hoursNow.set(centreId, hoursKey(list));
  }

  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  await createRecords(
    tx,
    access,
    kind,
    regionId,
    records.filter((record) => !existing.has(record.code)),
  );
  for (const record of records) {
    const before = existing.get(record.code);
    if (!before) {
      counts.created += 1;
      continue;
    }
    const changed = changedColumns(before, record.data);
    const previousHours = hoursNow.get(before.id) ?? "";
    const hoursChanged = record.hours !== null && hoursKey(record.hours) !== previousHours;
    if (Object.keys(changed).length === 0 && !hoursChanged) {
      counts.unchanged += 1;
      continue;
    }
    // Guarded by the version read in this transaction, as every versioned change is.
    const result = await rows.updateMany({
      where: { id: before.id, version: before.version },
      data: { ...changed, version: { increment: 1 } },
    });
    assertUpdated(result.count, before, entity.toLowerCase(), before.version);
    if (hoursChanged && record.hours) {
      await tx.openingHours.deleteMany({ where: { centreId: before.id } });
      await tx.openingHours.createMany({ data: record.hours.map((h) => ({ ...h, centreId: before.id })) });
    }
    const after = await rows.findUniqueOrThrow({ where: { id: before.id } });
    await log(tx, access, {
      entity,
      entityId: before.id,
      action: "UPDATE",
      regionId,
      before: hoursChanged ? { ...before, openingHours: previousHours } : before,
      after: hoursChanged && record.hours ? { ...after, openingHours: hoursKey(record.hours) } : after,
      note: { import: kind },
    });
    counts.updated += 1;
  }
  return counts;
}

async function recordBatch(tx: Tx, access: Access, regionId: string, data: Prisma.ImportBatchUncheckedCreateInput) {
  const batch = await tx.importBatch.create({
    data: {
      ...data,
      regionId,
      createdById: access.identity?.kind === "user" ? access.identity.userId : null,
      finishedAt: new Date(),
    },
  });
  await log(tx, access, { entity: "ImportBatch", entityId: batch.id, action: "CREATE", regionId, after: batch });
  return batch;
}

/**
 * Imports a region's organisations, centres or services from a filled-in template. The region and
 * the caller's right to change it are checked first (typed errors, nothing recorded). A file with
 * any problem gives a FAILED batch listing each, and nothing else changes; otherwise every record is
 * created, updated or counted unchanged in one transaction with the SUCCEEDED batch.
 */
export async function importRegistry(access: Access, data: ImportRegistryData) {
  const region = await prisma.region.findUnique({
    where: { id: fromGlobalId("Region", data.regionId, "input.regionId") },
  });
  if (!region) throw new NotFoundError("region");
  assertWritable(access, region.id, "region's register");
  const { rowCount, records, problems } = await readFile(data, region.id);
  const batch = { kind: data.kind, fileName: data.fileName ?? null, rowCount };
  if (problems.length > 0) {
    return change("import", (tx) =>
      recordBatch(tx, access, region.id, {
        ...batch,
        status: "FAILED",
        errors: problems as unknown as Prisma.InputJsonValue,
      }),
    );
  }
  return change(ENTITIES[data.kind].toLowerCase(), async (tx) => {
    const counts = await applyRecords(tx, access, data.kind, region.id, records);
    return recordBatch(tx, access, region.id, { ...batch, ...counts, status: "SUCCEEDED" });
  });
}
