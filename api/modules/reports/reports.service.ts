import { z } from "zod";
import type {
  Periodicity,
  Prisma,
  Report,
  ReportFormStatus,
  ReportScope,
  ReportStatus,
} from "../../generated/prisma/client.js";
import { type Access, includes, inRegions } from "../../lib/access.js";
import { assertUpdated, change, log, type Tx } from "../../lib/change.js";
import { type FieldIssue, ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors.js";
import { callerWrote, callerWroteBatched } from "../../lib/four-eyes.js";
import { escapeLike, fromGlobalId } from "../../lib/ids.js";
import { optionalText, parse, text } from "../../lib/validate.js";

// ── Who sees and changes reports ──

const NO_ROW = "00000000-0000-0000-0000-000000000000";

/**
 * Reports a caller may read: partners only what was approved and published, operators only
 * their own centre's reports (not the whole region their centre is in), staff their regions.
 */
export function reportScope(access: Access): Prisma.ReportWhereInput {
  if (access.partner) return { published: true, status: { in: ["APPROVED", "LOCKED"] } };
  if (access.identity?.kind === "user" && access.identity.role === "OPERATOR") {
    return { centreId: access.centreId ?? NO_ROW };
  }
  return { regionId: inRegions(access.read) };
}

/** The same rule as `reportScope`, for a row already loaded (the type-level safety net). */
export function canReadReport(
  access: Access,
  report: { regionId: string; centreId: string | null; status: ReportStatus; published: boolean },
): boolean {
  if (access.partner) return report.published && (report.status === "APPROVED" || report.status === "LOCKED");
  if (access.identity?.kind === "user" && access.identity.role === "OPERATOR") {
    return access.centreId !== null && report.centreId === access.centreId;
  }
  return includes(access.read, report.regionId);
}

/** Who fills a report in and submits it: the operator of its centre, or a writer of its region. */
export function canEdit(access: Access, report: { regionId: string; centreId: string | null }): boolean {
  return (access.centreId !== null && report.centreId === access.centreId) || includes(access.write, report.regionId);
}

/** Who reviews a report (return, approve, lock): curators of its region and administrators. */
function canReview(access: Access, report: { regionId: string }): boolean {
  return includes(access.write, report.regionId);
}

/** Why a report's own authors cannot approve it, and who can. */
const OWN_REPORT =
  "You created, filled in or submitted this report, so you cannot approve or publish it: its figures need a second pair of eyes. Another curator of the report's region or an administrator must approve it.";

/**
 * Whether the caller may approve (and publish) the report now: it is SUBMITTED, they review
 * its region, and they did not create, fill in or submit it (four eyes, see lib/four-eyes.ts).
 */
export async function canApproveReport(
  access: Access,
  report: { id: string; regionId: string; status: ReportStatus },
): Promise<boolean> {
  if (report.status !== "SUBMITTED" || !canReview(access, report)) return false;
  return !(await callerWroteBatched(access, "Report", report.id));
}

function userIdOf(access: Access): string | null {
  return access.identity?.kind === "user" ? access.identity.userId : null;
}

// ── Periods ──

const DAY_MS = 24 * 60 * 60 * 1000;

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** The last day of the period that starts on `start` (dates are UTC midnights). */
export function periodEndOf(periodicity: Periodicity, start: Date): Date {
  const months = periodicity === "MONTHLY" ? 1 : periodicity === "QUARTERLY" ? 3 : 12;
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 0));
}

/** Why `start` cannot begin a period of this periodicity, or null when it can. */
function periodStartProblem(periodicity: Periodicity, start: Date): string | null {
  if (periodicity === "MONTHLY") {
    return start.getUTCDate() === 1
      ? null
      : "A monthly report's period starts on the first day of a month, e.g. 2030-03-01.";
  }
  if (periodicity === "QUARTERLY") {
    return start.getUTCDate() === 1 && start.getUTCMonth() % 3 === 0
      ? null
      : "A quarterly report's period starts on the first day of a quarter: 1 January, 1 April, 1 July or 1 October.";
  }
  return start.getUTCDate() === 1 && start.getUTCMonth() === 0
    ? null
    : "An annual report's period starts on 1 January, e.g. 2030-01-01.";
}

/** The day by which a report is due: its period's end plus the form's due days. */
export function dueDateOf(report: { periodEnd: Date }, form: { dueDays: number }): Date {
  return addDays(report.periodEnd, form.dueDays);
}

/** Still with the reporter (not yet submitted) after its due day. */
export function isOverdue(
  report: { status: ReportStatus; periodEnd: Date },
  form: { dueDays: number },
  now = new Date(),
): boolean {
  if (report.status !== "DRAFT" && report.status !== "RETURNED") return false;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return dueDateOf(report, form).getTime() < today;
}

// ── Lists ──

export interface ReportFormFilterInput {
  search?: string | null;
  status?: ReportFormStatus | null;
  periodicity?: Periodicity | null;
}

export interface ReportFormOrderByInput {
  field: "CODE" | "NAME" | "CREATED_AT";
  direction: "ASC" | "DESC";
}

export function reportFormWhere(filter?: ReportFormFilterInput | null): Prisma.ReportFormWhereInput {
  const search = filter?.search?.trim();
  return {
    AND: [
      filter?.status ? { status: filter.status } : {},
      filter?.periodicity ? { periodicity: filter.periodicity } : {},
      search
        ? {
            OR: [
              { code: { contains: escapeLike(search), mode: "insensitive" } },
              { name: { contains: escapeLike(search), mode: "insensitive" } },
            ],
          }
        : {},
    ],
  };
}

export function reportFormOrderBy(
  orderBy?: ReportFormOrderByInput | null,
): Prisma.ReportFormOrderByWithRelationInput[] {
  const direction = orderBy?.direction === "DESC" ? "desc" : "asc";
  if (orderBy?.field === "NAME") return [{ name: direction }, { id: direction }];
  if (orderBy?.field === "CREATED_AT") return [{ createdAt: direction }, { id: direction }];
  return [{ code: direction }, { revision: direction }, { id: direction }];
}

export interface ReportFilterInput {
  regionId?: string | null;
  centreId?: string | null;
  municipalityId?: string | null;
  formId?: string | null;
  status?: ReportStatus | null;
  periodFrom?: Date | null;
  periodTo?: Date | null;
  scope?: ReportScope | null;
}

export interface ReportOrderByInput {
  field: "PERIOD_START" | "CREATED_AT" | "STATUS";
  direction: "ASC" | "DESC";
}

export function reportWhere(access: Access, filter?: ReportFilterInput | null): Prisma.ReportWhereInput {
  const municipalityId = filter?.municipalityId
    ? fromGlobalId("Municipality", filter.municipalityId, "filter.municipalityId")
    : null;
  return {
    AND: [
      reportScope(access),
      filter?.regionId ? { regionId: fromGlobalId("Region", filter.regionId, "filter.regionId") } : {},
      filter?.centreId ? { centreId: fromGlobalId("Centre", filter.centreId, "filter.centreId") } : {},
      // A municipality's own reports and those of its centres.
      municipalityId ? { OR: [{ municipalityId }, { centre: { municipalityId } }] } : {},
      filter?.formId ? { formId: fromGlobalId("ReportForm", filter.formId, "filter.formId") } : {},
      filter?.status ? { status: filter.status } : {},
      filter?.scope ? { scope: filter.scope } : {},
      filter?.periodFrom ? { periodStart: { gte: filter.periodFrom } } : {},
      filter?.periodTo ? { periodStart: { lte: filter.periodTo } } : {},
    ],
  };
}

/** Newest periods first unless asked otherwise; always ends with the id so pages are stable. */
export function reportOrderBy(orderBy?: ReportOrderByInput | null): Prisma.ReportOrderByWithRelationInput[] {
  const direction = orderBy ? (orderBy.direction === "DESC" ? "desc" : "asc") : "desc";
  if (orderBy?.field === "CREATED_AT") return [{ createdAt: direction }, { id: direction }];
  if (orderBy?.field === "STATUS") return [{ status: direction }, { periodStart: "desc" }, { id: direction }];
  return [{ periodStart: direction }, { id: direction }];
}

// ── Report forms ──

const CODE = /^[A-Z][A-Z0-9_]*$/;
const code = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .regex(CODE, "Use capital Latin letters, digits and _, e.g. COD_MONTHLY.");

const indicatorSchema = z.object({
  code: code(64),
  name: text(500),
  unit: text(50),
  hasRuralSplit: z
    .boolean()
    .nullish()
    .transform((split) => split ?? false),
  category: optionalText(50),
});

const indicatorsSchema = z
  .array(indicatorSchema)
  .min(1, "A form needs at least one indicator.")
  .max(200, "At most 200 indicators.")
  .superRefine((indicators, ctx) => {
    const seen = new Set<string>();
    indicators.forEach((indicator, i) => {
      if (seen.has(indicator.code)) {
        ctx.addIssue({ code: "custom", path: [i, "code"], message: `The code ${indicator.code} is used twice.` });
      }
      seen.add(indicator.code);
    });
  });

const formFields = {
  name: text(300),
  periodicity: z.enum(["MONTHLY", "QUARTERLY", "ANNUAL"]),
  dueDays: z.number().int("A whole number of days.").min(0, "Cannot be negative.").max(366, "At most 366 days."),
  status: z.enum(["DRAFT", "ACTIVE"], { message: "Choose DRAFT or ACTIVE; use retireReportForm to retire a form." }),
  indicators: indicatorsSchema,
};

const createFormSchema = z.object({
  code: code(64),
  revision: z.number().int("A whole number.").min(1, "Revisions start at 1.").nullish(),
  ...formFields,
  status: formFields.status.default("ACTIVE"),
});

const updateFormSchema = z
  .object({ id: z.string(), version: z.number().int() })
  .extend(z.object({ code: code(64), ...formFields }).partial().shape);

type IndicatorData = z.infer<typeof indicatorSchema>;

/** A form's indicators as the ChangeLog keeps them: one readable line per indicator. */
function indicatorLines(
  indicators: readonly {
    code: string;
    name: string;
    unit: string;
    hasRuralSplit: boolean;
    category?: string | null;
  }[],
) {
  return indicators.map(
    (i) =>
      `${i.code}: ${i.name} (${i.unit}${i.hasRuralSplit ? ", rural split" : ""}${i.category ? `, ${i.category}` : ""})`,
  );
}

function assertAdmin(access: Access): void {
  if (access.write !== "all") throw new ForbiddenError("Only administrators change report forms.");
}

/** Serialises changes to a form against reports being created on it (see createReport). */
async function lockForm(tx: Tx, formId: string, mode: "UPDATE" | "SHARE"): Promise<void> {
  if (mode === "UPDATE") await tx.$queryRaw`SELECT 1 FROM "ReportForm" WHERE "id" = ${formId}::uuid FOR UPDATE`;
  else await tx.$queryRaw`SELECT 1 FROM "ReportForm" WHERE "id" = ${formId}::uuid FOR SHARE`;
}

export async function createReportForm(access: Access, input: unknown) {
  assertAdmin(access);
  const { indicators, revision, ...data } = parse(createFormSchema, input);
  return change("report form", async (tx) => {
    // Without a revision, a form code that exists gets its next revision.
    const latest = await tx.reportForm.findFirst({ where: { code: data.code }, orderBy: { revision: "desc" } });
    const form = await tx.reportForm.create({
      data: { ...data, revision: revision ?? (latest ? latest.revision + 1 : 1) },
    });
    await tx.reportIndicator.createMany({
      data: indicators.map((indicator, i) => ({ ...indicator, formId: form.id, position: i + 1 })),
    });
    await log(tx, access, {
      entity: "ReportForm",
      entityId: form.id,
      action: "CREATE",
      after: { ...form, indicators: indicatorLines(indicators) },
    });
    return form;
  });
}

/** Replaces the indicators by code: kept codes keep their ids, new ones are added, missing ones go. */
async function replaceIndicators(tx: Tx, formId: string, indicators: IndicatorData[]): Promise<void> {
  const codes = indicators.map((indicator) => indicator.code);
  await tx.reportIndicator.deleteMany({ where: { formId, code: { notIn: codes } } });
  for (const [i, indicator] of indicators.entries()) {
    const fields = { ...indicator, category: indicator.category ?? null, position: i + 1 };
    await tx.reportIndicator.upsert({
      where: { formId_code: { formId, code: indicator.code } },
      create: { ...fields, formId },
      update: { ...fields, version: { increment: 1 } },
    });
  }
}

/**
 * Changes a form that no report uses yet. Once reports exist their values refer to the
 * form's indicators, so a changed form is a new revision (createReportForm) instead.
 */
export async function updateReportForm(access: Access, input: unknown) {
  assertAdmin(access);
  const { id: globalId, version, indicators, ...fields } = parse(updateFormSchema, input);
  const id = fromGlobalId("ReportForm", globalId, "input.id");
  return change("report form", async (tx) => {
    await lockForm(tx, id, "UPDATE");
    const before = await tx.reportForm.findUnique({
      where: { id },
      include: { indicators: { orderBy: { position: "asc" } } },
    });
    if (!before) throw new NotFoundError("report form");
    if (before.version !== version) assertUpdated(0, before, "report form", version);
    if (before.status === "RETIRED")
      throw ValidationError.of("status", "The form is retired and can no longer change.");
    const used = await tx.report.count({ where: { formId: id } });
    if (used > 0) {
      throw ValidationError.of(
        "input.id",
        `${used} report(s) already use this form, so it cannot change; create its next revision with createReportForm (same code) instead.`,
      );
    }
    const result = await tx.reportForm.updateMany({
      where: { id, version },
      data: { ...fields, version: { increment: 1 } },
    });
    assertUpdated(result.count, before, "report form", version);
    if (indicators) await replaceIndicators(tx, id, indicators);
    const after = await tx.reportForm.findUniqueOrThrow({
      where: { id },
      include: { indicators: { orderBy: { position: "asc" } } },
    });
    const { indicators: beforeIndicators, ...beforeForm } = before;
    const { indicators: afterIndicators, ...afterForm } = after;
    await log(tx, access, {
      entity: "ReportForm",
      entityId: id,
      action: "UPDATE",
      before: { ...beforeForm, indicators: indicatorLines(beforeIndicators) },
      after: { ...afterForm, indicators: indicatorLines(afterIndicators) },
    });
    return after;
  });
}

/** A retired form keeps its reports but takes no new ones. */
export async function retireReportForm(access: Access, input: { id: string; version: number }) {
  assertAdmin(access);
  const id = fromGlobalId("ReportForm", input.id, "input.id");
  return change("report form", async (tx) => {
    await lockForm(tx, id, "UPDATE");
    const before = await tx.reportForm.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("report form");
    if (before.version !== input.version) assertUpdated(0, before, "report form", input.version);
    if (before.status === "RETIRED") throw ValidationError.of("status", "The form is already retired.");
    const result = await tx.reportForm.updateMany({
      where: { id, version: input.version },
      data: { status: "RETIRED", version: { increment: 1 } },
    });
    assertUpdated(result.count, before, "report form", input.version);
    const after = await tx.reportForm.findUniqueOrThrow({ where: { id } });
    await log(tx, access, { entity: "ReportForm", entityId: id, action: "ARCHIVE", before, after });
    return after;
  });
}

// ── Creating reports ──

const createReportSchema = z.object({
  formId: z.string(),
  centreId: z.string().nullish(),
  municipalityId: z.string().nullish(),
  regionId: z.string().nullish(),
  periodStart: z.date(),
});

/** The reporting entity of a new report, checked against the caller's scope. */
async function reportingEntity(
  tx: Tx,
  access: Access,
  data: z.infer<typeof createReportSchema>,
): Promise<{ scope: ReportScope; centreId: string | null; municipalityId: string | null; regionId: string }> {
  const operator = access.identity?.kind === "user" && access.identity.role === "OPERATOR";
  if (data.centreId) {
    const centre = await tx.centre.findFirst({
      where: { id: fromGlobalId("Centre", data.centreId, "input.centreId"), regionId: inRegions(access.read) },
    });
    if (!centre) throw new NotFoundError("centre");
    if (operator ? centre.id !== access.centreId : !includes(access.write, centre.regionId)) {
      throw new ForbiddenError(
        operator
          ? "Operators create reports for their own centre only."
          : "You cannot create reports outside your regions.",
      );
    }
    if (centre.archivedAt)
      throw ValidationError.of("input.centreId", "The centre is archived; restore it to report for it.");
    return { scope: "CENTRE", centreId: centre.id, municipalityId: null, regionId: centre.regionId };
  }
  if (operator) throw new ForbiddenError("Operators create reports for their own centre only.");
  if (data.municipalityId) {
    const municipality = await tx.municipality.findFirst({
      where: {
        id: fromGlobalId("Municipality", data.municipalityId, "input.municipalityId"),
        regionId: inRegions(access.read),
      },
    });
    if (!municipality) throw new NotFoundError("municipality");
    if (!includes(access.write, municipality.regionId))
      throw new ForbiddenError("You cannot create reports outside your regions.");
    return { scope: "MUNICIPALITY", centreId: null, municipalityId: municipality.id, regionId: municipality.regionId };
  }
  const regionId = fromGlobalId("Region", data.regionId ?? "", "input.regionId");
  const region = await tx.region.findFirst({ where: { id: regionId, AND: [{ id: inRegions(access.read) }] } });
  if (!region) throw new NotFoundError("region");
  if (!includes(access.write, region.id)) throw new ForbiddenError("You cannot create reports outside your regions.");
  return { scope: "REGION", centreId: null, municipalityId: null, regionId: region.id };
}

/**
 * Opens a DRAFT report of a centre, municipality or region for one period. The period's end
 * follows from the form; a second report for the same form, entity and period is refused by
 * the partial unique indexes Report_*_period_key (→ ConflictError).
 */
export async function createReport(access: Access, input: unknown) {
  const data = parse(createReportSchema, input);
  const given = [data.centreId, data.municipalityId, data.regionId].filter(Boolean).length;
  if (given !== 1) {
    throw ValidationError.of(
      "input",
      "Give exactly one of centreId, municipalityId or regionId: whose report this is.",
    );
  }
  const formId = fromGlobalId("ReportForm", data.formId, "input.formId");
  return change("report", async (tx) => {
    // Holds off a concurrent change of the form until this report exists (updateReportForm counts reports).
    await lockForm(tx, formId, "SHARE");
    const form = await tx.reportForm.findUnique({ where: { id: formId } });
    if (!form) throw new NotFoundError("report form");
    if (form.status !== "ACTIVE") {
      throw ValidationError.of(
        "input.formId",
        `The form is ${form.status.toLowerCase()}; reports use active forms only.`,
      );
    }
    const entity = await reportingEntity(tx, access, data);
    const problem = periodStartProblem(form.periodicity, data.periodStart);
    if (problem) throw ValidationError.of("input.periodStart", problem);
    const report = await tx.report.create({
      data: {
        formId: form.id,
        ...entity,
        periodStart: data.periodStart,
        periodEnd: periodEndOf(form.periodicity, data.periodStart),
        status: "DRAFT",
      },
    });
    await log(tx, access, {
      entity: "Report",
      entityId: report.id,
      action: "CREATE",
      regionId: report.regionId,
      after: report,
    });
    return report;
  });
}

// ── Values ──

const versioned = { id: z.string(), version: z.number().int() };

const valuesSchema = z.object({
  ...versioned,
  values: z
    .array(
      z.object({
        indicatorId: z.string().nullish(),
        indicatorCode: z.string().trim().nullish(),
        // Checked one by one below, so that every bad value is named at once.
        total: z.number(),
        rural: z.number().nullish(),
      }),
    )
    .min(1, "Give at least one value.")
    .max(500, "At most 500 values at once."),
});

/** A report the caller can read, inside the transaction; anything else is "not found". */
async function readableReport(tx: Tx, access: Access, globalId: string) {
  const id = fromGlobalId("Report", globalId, "input.id");
  const report = await tx.report.findFirst({ where: { id, AND: [reportScope(access)] } });
  if (!report) throw new NotFoundError("report");
  return report;
}

function assertVersion(report: { version: number }, version: number): void {
  if (report.version !== version) assertUpdated(0, report, "report", version);
}

const STATUS_WORD: Record<ReportStatus, string> = {
  DRAFT: "a draft",
  SUBMITTED: "submitted",
  RETURNED: "returned",
  APPROVED: "approved",
  LOCKED: "locked",
};

export function assertValuesEditable(report: { status: ReportStatus }): void {
  if (report.status === "DRAFT" || report.status === "RETURNED") return;
  const hint =
    report.status === "SUBMITTED" ? " Ask the curator to return it if a value must change." : " Its values are final.";
  throw ValidationError.of(
    "status",
    `The report is ${STATUS_WORD[report.status]} (${report.status}); its values cannot change.${hint}`,
  );
}

type ValueRow = { total: number; rural: number | null };

/** Values keyed by indicator code, as the ChangeLog keeps them. */
function valuesByCode(
  rows: { indicator: { code: string }; total: number; rural: number | null }[],
): Record<string, ValueRow> {
  return Object.fromEntries(
    rows.map((row) => [`values.${row.indicator.code}`, { total: row.total, rural: row.rural }]),
  );
}

/**
 * Checks every value against the form and the rules (whole numbers, total ≥ 0,
 * 0 ≤ rural ≤ total, rural only where the indicator has a rural split); all problems at once.
 */
function checkValues(
  values: z.infer<typeof valuesSchema>["values"],
  indicators: { id: string; code: string; hasRuralSplit: boolean }[],
): { indicatorId: string; total: number; rural: number | null }[] {
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  const byCode = new Map(indicators.map((indicator) => [indicator.code, indicator]));
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const rows: { indicatorId: string; total: number; rural: number | null }[] = [];
  values.forEach((value, i) => {
    const at = `input.values.${i}`;
    let indicator: { id: string; code: string; hasRuralSplit: boolean } | undefined;
    if (value.indicatorId && value.indicatorCode) {
      issues.push({ field: `${at}.indicatorId`, message: "Give the indicator's id or its code, not both." });
    } else if (value.indicatorId) {
      let id: string | null = null;
      try {
        id = fromGlobalId("ReportIndicator", value.indicatorId, `${at}.indicatorId`);
      } catch {
        id = null;
      }
      indicator = id ? byId.get(id) : undefined;
      if (!indicator) issues.push({ field: `${at}.indicatorId`, message: "Not an indicator of this report's form." });
    } else if (value.indicatorCode) {
      indicator = byCode.get(value.indicatorCode);
      if (!indicator) {
        issues.push({ field: `${at}.indicatorCode`, message: `The form has no indicator ${value.indicatorCode}.` });
      }
    } else {
      issues.push({ field: `${at}.indicatorId`, message: "Give the indicator's id (or its code)." });
    }
    if (indicator) {
      if (seen.has(indicator.id))
        issues.push({ field: `${at}.indicatorId`, message: `${indicator.code} is given twice.` });
      seen.add(indicator.id);
    }
    const totalOk = Number.isInteger(value.total) && value.total >= 0;
    if (!Number.isInteger(value.total))
      issues.push({ field: `${at}.total`, message: `A whole number, got ${value.total}.` });
    else if (value.total < 0) issues.push({ field: `${at}.total`, message: "Cannot be negative." });
    const rural = value.rural ?? null;
    if (rural !== null) {
      if (indicator && !indicator.hasRuralSplit) {
        issues.push({ field: `${at}.rural`, message: `${indicator.code} has no rural part; leave rural empty.` });
      } else if (!Number.isInteger(rural)) {
        issues.push({ field: `${at}.rural`, message: `A whole number, got ${rural}.` });
      } else if (rural < 0) {
        issues.push({ field: `${at}.rural`, message: "Cannot be negative." });
      } else if (totalOk && rural > value.total) {
        issues.push({
          field: `${at}.rural`,
          message: `The rural part (${rural}) cannot exceed the total (${value.total}).`,
        });
      }
    }
    if (indicator) rows.push({ indicatorId: indicator.id, total: value.total, rural });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return rows;
}

/**
 * Writes a report's values (new indicators inserted, given ones replaced, others left alone, whatever their number: an import may carry thousands) and logs each changed indicator's before and after,
 * in one statement: the values as they were and as written come back from the same
 * statement that writes them (its parts share one snapshot, so `previous` is the old state).
 */
export async function writeReportValues(
  tx: Tx,
  access: Access,
  report: { id: string; regionId: string },
  rows: readonly { indicatorId: string; total: number; rural: number | null }[],
  note?: Record<string, unknown>,
): Promise<void> {
  const changed =
    rows.length === 0
      ? []
      : await tx.$queryRaw<{ side: "before" | "after"; code: string; total: number; rural: number | null }[]>`
    WITH given AS (
      SELECT * FROM unnest(${rows.map((r) => r.indicatorId)}::uuid[], ${rows.map((r) => r.total)}::int[], ${rows.map((r) => r.rural)}::int[])
        AS v(indicator_id, total, rural)
    ), previous AS (
      SELECT v."indicatorId", v.total, v.rural FROM "ReportValue" v
      WHERE v."reportId" = ${report.id}::uuid AND v."indicatorId" IN (SELECT indicator_id FROM given)
    ), written AS (
      INSERT INTO "ReportValue" (id, "reportId", "indicatorId", total, rural, "updatedAt")
      SELECT gen_random_uuid(), ${report.id}::uuid, g.indicator_id, g.total, g.rural, now() FROM given g
      ON CONFLICT ("reportId", "indicatorId")
      DO UPDATE SET total = EXCLUDED.total, rural = EXCLUDED.rural, version = "ReportValue".version + 1, "updatedAt" = now()
      RETURNING "indicatorId", total, rural
    )
    SELECT 'before' AS side, i.code, p.total, p.rural FROM previous p JOIN "ReportIndicator" i ON i.id = p."indicatorId"
    UNION ALL
    SELECT 'after' AS side, i.code, w.total, w.rural FROM written w JOIN "ReportIndicator" i ON i.id = w."indicatorId"`;
  const side = (which: "before" | "after") =>
    changed
      .filter((value) => value.side === which)
      .map((value) => ({ indicator: { code: value.code }, total: value.total, rural: value.rural }));
  await log(tx, access, {
    entity: "Report",
    entityId: report.id,
    action: "UPDATE",
    regionId: report.regionId,
    before: valuesByCode(side("before")),
    after: valuesByCode(side("after")),
    note,
  });
}

/**
 * Enters or corrects values of a DRAFT or RETURNED report. The given indicators' values are
 * replaced; others stay. Nothing is applied unless every value is valid. Four statements: the
 * report with its form's indicators, the version bump, the values with their log's before and
 * after, the log.
 */
export async function setReportValues(access: Access, input: unknown) {
  const data = parse(valuesSchema, input);
  return change("report", async (tx) => {
    const id = fromGlobalId("Report", data.id, "input.id");
    const found = await tx.report.findFirst({
      where: { id, AND: [reportScope(access)] },
      include: { form: { select: { indicators: true } } },
    });
    if (!found) throw new NotFoundError("report");
    const { form, ...report } = found;
    if (!canEdit(access, report))
      throw new ForbiddenError("Only the centre's operator or a curator of the region can fill in this report.");
    assertVersion(report, data.version);
    assertValuesEditable(report);
    const rows = checkValues(data.values, form.indicators);
    const [after] = await tx.$queryRaw<Report[]>`
      UPDATE "Report" SET version = version + 1, "updatedAt" = now()
      WHERE id = ${report.id}::uuid AND version = ${data.version} AND status IN ('DRAFT', 'RETURNED')
      RETURNING *`;
    assertUpdated(after ? 1 : 0, report, "report", data.version);
    await writeReportValues(tx, access, report, rows);
    return after as Report;
  });
}

// ── Workflow ──

/** DRAFT → SUBMITTED → RETURNED | APPROVED → LOCKED; a returned report is submitted again. */
const NEXT: Record<ReportStatus, readonly ReportStatus[]> = {
  DRAFT: ["SUBMITTED"],
  SUBMITTED: ["RETURNED", "APPROVED"],
  RETURNED: ["SUBMITTED"],
  APPROVED: ["LOCKED"],
  LOCKED: [],
};

const VERB: Record<ReportStatus, string> = {
  DRAFT: "reopened",
  SUBMITTED: "submitted",
  RETURNED: "returned",
  APPROVED: "approved",
  LOCKED: "locked",
};

function assertTransition(from: ReportStatus, to: ReportStatus): void {
  if (NEXT[from].includes(to)) return;
  const possible = NEXT[from];
  const then =
    possible.length === 0
      ? `${from} is final: nothing more can happen to it.`
      : `from ${from} it can only be ${possible.map((s) => `${VERB[s]} (${s})`).join(" or ")}.`;
  throw ValidationError.of("status", `The report is ${from}, so it cannot be ${VERB[to]}; ${then}`);
}

interface TransitionSpec {
  to: ReportStatus;
  /** Who may make this step. */
  who: "editor" | "reviewer";
  data: (access: Access) => Prisma.ReportUpdateManyMutationInput;
  note?: Record<string, unknown>;
  /** Extra checks on the report before it moves. */
  check?: (tx: Tx, report: { id: string }) => Promise<void>;
}

async function transition(access: Access, input: { id: string; version: number }, spec: TransitionSpec) {
  return change("report", async (tx) => {
    const before = await readableReport(tx, access, input.id);
    if (spec.who === "editor" ? !canEdit(access, before) : !canReview(access, before)) {
      throw new ForbiddenError(
        spec.who === "editor"
          ? "Only the centre's operator or a curator of the region can submit this report."
          : "Only curators of the report's region and administrators review reports.",
      );
    }
    assertVersion(before, input.version);
    assertTransition(before.status, spec.to);
    await spec.check?.(tx, before);
    const result = await tx.report.updateMany({
      where: { id: before.id, version: input.version, status: before.status },
      data: { ...spec.data(access), status: spec.to, version: { increment: 1 } },
    });
    assertUpdated(result.count, before, "report", input.version);
    const after = await tx.report.findUniqueOrThrow({ where: { id: before.id } });
    await log(tx, access, {
      entity: "Report",
      entityId: after.id,
      action: "TRANSITION",
      regionId: after.regionId,
      before,
      after,
      note: { from: before.status, to: after.status, ...spec.note },
    });
    return after;
  });
}

const reasonSchema = z.object({
  ...versioned,
  reason: z.string().trim().min(1, "Say what must be corrected.").max(2000, "At most 2000 characters."),
});

const approveSchema = z.object({ ...versioned, published: z.boolean().nullish() });
const versionedSchema = z.object(versioned);

export async function submitReport(access: Access, input: unknown) {
  const data = parse(versionedSchema, input);
  return transition(access, data, {
    to: "SUBMITTED",
    who: "editor",
    // The reason belongs to the return it explained; the ChangeLog keeps it.
    data: (a) => ({ submittedAt: new Date(), submittedById: userIdOf(a), returnReason: null }),
    check: async (tx, report) => {
      const values = await tx.reportValue.count({ where: { reportId: report.id } });
      if (values === 0) throw ValidationError.of("values", "Enter at least one value before submitting the report.");
    },
  });
}

export async function returnReport(access: Access, input: unknown) {
  const data = parse(reasonSchema, input);
  return transition(access, data, {
    to: "RETURNED",
    who: "reviewer",
    data: () => ({ returnReason: data.reason }),
    note: { reason: data.reason },
  });
}

/**
 * SUBMITTED → APPROVED, published to partners when asked. Never by the report's own authors:
 * whoever created it, filled in its values (by any path) or submitted it, in any round.
 */
export async function approveReport(access: Access, input: unknown) {
  const data = parse(approveSchema, input);
  return transition(access, data, {
    to: "APPROVED",
    who: "reviewer",
    data: (a) => ({ approvedAt: new Date(), approvedById: userIdOf(a), published: data.published ?? false }),
    // Safe against a late write: values change only while DRAFT or RETURNED, each write bumps
    // the version, and the approval applies only to the SUBMITTED version read here.
    check: async (tx, report) => {
      if (await callerWrote(tx, access, "Report", report.id)) throw new ForbiddenError(OWN_REPORT);
    },
  });
}

export async function lockReport(access: Access, input: unknown) {
  const data = parse(versionedSchema, input);
  return transition(access, data, { to: "LOCKED", who: "reviewer", data: () => ({ lockedAt: new Date() }) });
}
