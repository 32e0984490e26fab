// What a history entry says in terms a person reads: each changed field with its value before
// and after, the names of the records those values refer to (looked up once per page of history,
// within what the reader may see), and the report form's name of each indicator whose values changed.
import type { ChangeLog } from "../../generated/prisma/client.js";
import { type Access, inRegions, isAdmin, regionOrFederal } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import {
  centreScope,
  eventScope,
  internalRecordScope,
  lifeSituationScope,
  projectScope,
  serviceScope,
} from "../../lib/scopes.js";

/** A record a changed value refers to: its name, or null when the reader may not see it. */
export interface RecordName {
  id: string;
  name: string | null;
}

export interface ChangeFieldRow {
  /** The column, `values.<code>` for a report's values, or `_note.<key>` for a fact of a transition. */
  field: string;
  /** The indicator's name (report values); otherwise the panel labels the field itself. */
  label: string | null;
  from: unknown;
  to: unknown;
  /** Every record id in `from` and `to`, with its name where the reader may see it. */
  names: RecordName[];
}

type Row = Pick<ChangeLog, "id" | "entity" | "entityId" | "changes">;

type Lookup = (ids: string[], access: Access) => Promise<{ id: string; name: string }[]>;

const ID = { id: true } as const;

/** How each kind of record is named, and which of them the reader may see (the same rules as reading them). */
const TARGETS = {
  Region: (ids, access) =>
    prisma.region.findMany({
      where: { id: { in: ids }, AND: [{ id: inRegions(access.read) }] },
      select: { ...ID, name: true },
    }),
  Municipality: (ids, access) =>
    prisma.municipality.findMany({
      where: { id: { in: ids }, regionId: inRegions(access.read) },
      select: { ...ID, name: true },
    }),
  Settlement: (ids, access) =>
    prisma.settlement.findMany({
      where: { id: { in: ids }, municipality: { regionId: inRegions(access.read) } },
      select: { ...ID, name: true },
    }),
  Organisation: (ids, access) =>
    prisma.organisation.findMany({
      where: { id: { in: ids }, regionId: inRegions(access.read) },
      select: { ...ID, name: true },
    }),
  Centre: (ids, access) =>
    prisma.centre.findMany({ where: { id: { in: ids }, AND: [centreScope(access)] }, select: { ...ID, name: true } }),
  Service: (ids, access) =>
    prisma.service.findMany({ where: { id: { in: ids }, AND: [serviceScope(access)] }, select: { ...ID, name: true } }),
  LifeSituation: (ids, access) =>
    prisma.lifeSituation.findMany({
      where: { id: { in: ids }, AND: [lifeSituationScope(access)] },
      select: { ...ID, name: true },
    }),
  Person: async (ids, access) =>
    (
      await prisma.person.findMany({
        where: { id: { in: ids }, AND: [internalRecordScope(access)] },
        select: { ...ID, lastName: true, firstName: true, middleName: true },
      })
    ).map((p) => ({ id: p.id, name: [p.lastName, p.firstName, p.middleName].filter(Boolean).join(" ") })),
  Project: (ids, access) =>
    prisma.project.findMany({ where: { id: { in: ids }, AND: [projectScope(access)] }, select: { ...ID, name: true } }),
  Event: async (ids, access) =>
    (
      await prisma.event.findMany({
        where: { id: { in: ids }, AND: [eventScope(access)] },
        select: { ...ID, title: true },
      })
    ).map((e) => ({ id: e.id, name: e.title })),
  ReportForm: (ids) => prisma.reportForm.findMany({ where: { id: { in: ids } }, select: { ...ID, name: true } }),
  ReportIndicator: (ids) =>
    prisma.reportIndicator.findMany({ where: { id: { in: ids } }, select: { ...ID, name: true } }),
  Kpi: (ids, access) =>
    prisma.kpi.findMany({ where: { id: { in: ids }, ...regionOrFederal(access.read) }, select: { ...ID, name: true } }),
  FeedbackCategory: (ids) =>
    prisma.feedbackCategory.findMany({ where: { id: { in: ids } }, select: { ...ID, name: true } }),
  QualityStandard: async (ids, access) =>
    (
      await prisma.qualityStandard.findMany({
        where: { id: { in: ids }, service: serviceScope(access) },
        select: { ...ID, title: true },
      })
    ).map((s) => ({ id: s.id, name: s.title })),
  SystemicError: async (ids, access) =>
    (
      await prisma.systemicError.findMany({
        where: { id: { in: ids }, AND: [internalRecordScope(access)] },
        select: { ...ID, title: true },
      })
    ).map((s) => ({ id: s.id, name: s.title })),
  StoredFile: (ids, access) =>
    prisma.storedFile.findMany({
      where: { id: { in: ids }, regionId: inRegions(access.read) },
      select: { ...ID, name: true },
    }),
  // People who sign in, as the history names its actors: administrators see everyone; others the
  // administrators and those who work in one of their regions (curators, auditors, centres' operators).
  User: async (ids, access) =>
    (
      await prisma.user.findMany({
        where: {
          id: { in: ids },
          ...(isAdmin(access)
            ? {}
            : {
                OR: [
                  { role: "ADMIN" },
                  { regions: { some: { regionId: inRegions(access.read) } } },
                  { centre: { regionId: inRegions(access.read) } },
                ],
              }),
        },
        select: { ...ID, fullName: true },
      })
    ).map((u) => ({ id: u.id, name: u.fullName })),
  ApiClient: async (ids, access) =>
    isAdmin(access) ? prisma.apiClient.findMany({ where: { id: { in: ids } }, select: { ...ID, name: true } }) : [],
} satisfies Record<string, Lookup>;

type Target = keyof typeof TARGETS;

/** The fields (and note keys) whose values are ids of records, by the kind of record. */
const REFERENCES: Record<string, Target> = {
  regionId: "Region",
  regionIds: "Region",
  regions: "Region",
  municipalityId: "Municipality",
  municipalityIds: "Municipality",
  settlementId: "Settlement",
  organisationId: "Organisation",
  hostOrganisationId: "Organisation",
  competentAuthorityId: "Organisation",
  authorityId: "Organisation",
  centreId: "Centre",
  serviceId: "Service",
  lifeSituationId: "LifeSituation",
  personId: "Person",
  assignedCuratorId: "Person",
  projectId: "Project",
  eventId: "Event",
  formId: "ReportForm",
  indicatorId: "ReportIndicator",
  kpiId: "Kpi",
  categoryId: "FeedbackCategory",
  standardId: "QualityStandard",
  supersededBy: "QualityStandard",
  supersedes: "QualityStandard",
  systemicErrorId: "SystemicError",
  fileId: "StoredFile",
  photoFileId: "StoredFile",
  userId: "User",
  createdById: "User",
  approvedById: "User",
  submittedById: "User",
  uploadedById: "User",
  lastVerifiedById: "User",
  apiClientId: "ApiClient",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every (kind, id) a value holds under a reference key, at any depth (lists of links included). */
function collectIds(value: unknown, key: string | null, into: (target: Target, id: string) => void): void {
  const target = key === null ? undefined : REFERENCES[key];
  if (typeof value === "string") {
    if (target && UUID.test(value)) into(target, value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectIds(item, key, into);
  } else if (value && typeof value === "object") {
    for (const [inner, item] of Object.entries(value)) collectIds(item, inner, into);
  }
}

/** A history row's changes as fields: its column changes, then the facts of its note. */
export function fieldsOf(row: Pick<ChangeLog, "changes">): Omit<ChangeFieldRow, "label" | "names">[] {
  const changes = (row.changes ?? {}) as Record<string, unknown>;
  const fields: Omit<ChangeFieldRow, "label" | "names">[] = [];
  for (const [field, change] of Object.entries(changes)) {
    if (field === "_note") continue;
    const { from = null, to = null } = (change ?? {}) as { from?: unknown; to?: unknown };
    fields.push({ field, from, to });
  }
  const note = changes._note;
  if (note && typeof note === "object" && !Array.isArray(note)) {
    const facts = note as Record<string, unknown>;
    // A transition's note repeats the status change the row already holds; otherwise it is the status.
    const transition = typeof facts.from === "string" && typeof facts.to === "string";
    if (transition && !("status" in changes)) fields.push({ field: "status", from: facts.from, to: facts.to });
    for (const [key, value] of Object.entries(facts)) {
      if (transition && (key === "from" || key === "to")) continue;
      if (value === null || value === undefined) continue;
      // A set that changed (an event's municipalities) is a field change like any other.
      if (typeof value === "object" && !Array.isArray(value) && ("from" in value || "to" in value)) {
        const { from = null, to = null } = value as { from?: unknown; to?: unknown };
        fields.push({ field: key, from, to });
      } else {
        fields.push({ field: `_note.${key}`, from: null, to: value });
      }
    }
  }
  return fields;
}

/**
 * The fields of a page of history rows, with the names of the records they refer to: one query
 * per kind of record referred to on the page (and one for report forms' indicators), not per row.
 */
export async function describeChanges(rows: readonly Row[], access: Access): Promise<Map<string, ChangeFieldRow[]>> {
  const plain = new Map(rows.map((row) => [row.id, fieldsOf(row)]));
  const wanted = new Map<Target, Set<string>>();
  for (const fields of plain.values()) {
    for (const field of fields) {
      const key = field.field.startsWith("_note.") ? field.field.slice("_note.".length) : field.field;
      const add = (target: Target, id: string) => {
        const set = wanted.get(target) ?? new Set<string>();
        set.add(id);
        wanted.set(target, set);
      };
      collectIds(field.from, key, add);
      collectIds(field.to, key, add);
    }
  }
  const names = new Map<string, string>();
  const reportIds = rows
    .filter((row) => row.entity === "Report" && plain.get(row.id)?.some((f) => f.field.startsWith("values.")))
    .map((row) => row.entityId);
  const [found, reports] = await Promise.all([
    Promise.all([...wanted].map(([target, ids]) => (TARGETS[target] as Lookup)([...ids], access))),
    reportIds.length === 0
      ? []
      : prisma.report.findMany({
          where: { id: { in: [...new Set(reportIds)] } },
          select: { id: true, form: { select: { indicators: { select: { code: true, name: true } } } } },
        }),
  ]);
  for (const records of found) for (const record of records) names.set(record.id, record.name);
  const indicators = new Map(
    reports.map((report) => [report.id, new Map(report.form.indicators.map((i) => [i.code, i.name]))]),
  );
  const described = new Map<string, ChangeFieldRow[]>();
  for (const row of rows) {
    described.set(
      row.id,
      (plain.get(row.id) ?? []).map((field) => {
        const key = field.field.startsWith("_note.") ? field.field.slice("_note.".length) : field.field;
        const ids = new Set<string>();
        const add = (_target: Target, id: string) => ids.add(id);
        collectIds(field.from, key, add);
        collectIds(field.to, key, add);
        const label = field.field.startsWith("values.")
          ? (indicators.get(row.entityId)?.get(field.field.slice("values.".length)) ?? null)
          : null;
        return { ...field, label, names: [...ids].map((id) => ({ id, name: names.get(id) ?? null })) };
      }),
    );
  }
  return described;
}

/**
 * Batches the `fields` of every entry a response resolves into one `describeChanges` call: the
 * entries of one page ask before the next turn of the event loop, and each gets its own part of the answer.
 */
const describers = new WeakMap<object, (row: Row) => Promise<ChangeFieldRow[]>>();

/** The batching describer of one request (`key`, its context). */
export function describerFor(key: object, access: Access): (row: Row) => Promise<ChangeFieldRow[]> {
  let describe = describers.get(key);
  if (!describe) {
    describe = describer(access);
    describers.set(key, describe);
  }
  return describe;
}

function describer(access: Access): (row: Row) => Promise<ChangeFieldRow[]> {
  let pending: { row: Row; resolve: (fields: ChangeFieldRow[]) => void; reject: (error: unknown) => void }[] = [];
  return (row) =>
    new Promise((resolve, reject) => {
      if (pending.length === 0) {
        setImmediate(() => {
          const batch = pending;
          pending = [];
          describeChanges(
            batch.map((item) => item.row),
            access,
          ).then(
            (described) => {
              for (const item of batch) item.resolve(described.get(item.row.id) ?? []);
            },
            (error: unknown) => {
              for (const item of batch) item.reject(error);
            },
          );
        });
      }
      pending.push({ row, resolve, reject });
    });
}
