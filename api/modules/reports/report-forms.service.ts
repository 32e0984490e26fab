// Report forms: what centres report (indicators, periodicity, due days), their revisions, and
// the administrators' changes to them. A form that reports use no longer changes; its next
// revision does.
import type { Prisma } from "../../generated/prisma/client.js";
import type { Access } from "../../lib/access.js";
import { assertUpdated, change, log, saveRow, type Tx } from "../../lib/change.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors.js";
import { directionOf, type OrderBy, searchIn } from "../../lib/filters.js";
import { fromGlobalId } from "../../lib/ids.js";
import type {
  CreateReportFormData,
  IndicatorData,
  ReportFormFilterData,
  UpdateReportFormData,
} from "./report-forms.inputs.js";

// ── Lists ──

export type ReportFormOrderByInput = OrderBy<"CODE" | "NAME" | "CREATED_AT">;

export function reportFormWhere(filter?: ReportFormFilterData | null): Prisma.ReportFormWhereInput {
  return {
    AND: [
      filter?.status ? { status: filter.status } : {},
      filter?.periodicity ? { periodicity: filter.periodicity } : {},
      searchIn(filter?.search, ["code", "name"]),
    ],
  };
}

export function reportFormOrderBy(
  orderBy?: ReportFormOrderByInput | null,
): Prisma.ReportFormOrderByWithRelationInput[] {
  const direction = directionOf(orderBy);
  if (orderBy?.field === "NAME") return [{ name: direction }, { id: direction }];
  if (orderBy?.field === "CREATED_AT") return [{ createdAt: direction }, { id: direction }];
  return [{ code: direction }, { revision: direction }, { id: direction }];
}

// ── Changes ──

/** A form's indicators as the ChangeLog keeps them: one readable line per indicator. */
function indicatorLines(
  indicators: readonly {
    code: string;
    name: string;
    unit: string;
    hasRuralSplit: boolean;
    category?: string | null;
    eventMeasure?: string | null;
    eventKind?: string | null;
    eventAudience?: string | null;
  }[],
) {
  const events = (i: (typeof indicators)[number]) =>
    i.eventMeasure ? `, events: ${[i.eventMeasure, i.eventKind, i.eventAudience].filter(Boolean).join(" ")}` : "";
  return indicators.map(
    (i) =>
      `${i.code}: ${i.name} (${i.unit}${i.hasRuralSplit ? ", rural split" : ""}${i.category ? `, ${i.category}` : ""}${events(i)})`,
  );
}

function assertAdmin(access: Access): void {
  if (access.write !== "all") throw new ForbiddenError("REPORT_FORM_ADMIN_ONLY");
}

/** Serialises changes to a form against reports being created on it (see createReport). */
export async function lockForm(tx: Tx, formId: string, mode: "UPDATE" | "SHARE"): Promise<void> {
  if (mode === "UPDATE") await tx.$queryRaw`SELECT 1 FROM "ReportForm" WHERE "id" = ${formId}::uuid FOR UPDATE`;
  else await tx.$queryRaw`SELECT 1 FROM "ReportForm" WHERE "id" = ${formId}::uuid FOR SHARE`;
}

export async function createReportForm(access: Access, input: CreateReportFormData) {
  assertAdmin(access);
  const { indicators, revision, ...data } = input;
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
    const fields = {
      ...indicator,
      category: indicator.category ?? null,
      eventMeasure: indicator.eventMeasure ?? null,
      eventKind: indicator.eventKind ?? null,
      eventAudience: indicator.eventAudience ?? null,
      position: i + 1,
    };
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
export async function updateReportForm(access: Access, input: UpdateReportFormData) {
  assertAdmin(access);
  const { id: globalId, version, indicators, ...fields } = input;
  const id = fromGlobalId("ReportForm", globalId, "input.id");
  return change("report form", async (tx) => {
    await lockForm(tx, id, "UPDATE");
    const before = await tx.reportForm.findUnique({
      where: { id },
      include: { indicators: { orderBy: { position: "asc" } } },
    });
    if (!before) throw new NotFoundError("report form");
    if (before.version !== version) assertUpdated(0, before, "report form", version);
    if (before.status === "RETIRED") throw ValidationError.of("status", "REPORT_FORM_RETIRED_NO_CHANGE");
    const used = await tx.report.count({ where: { formId: id } });
    if (used > 0) {
      throw ValidationError.of("input.id", "REPORT_FORM_IN_USE", { count: used });
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
    if (before.status === "RETIRED") throw ValidationError.of("status", "REPORT_FORM_ALREADY_RETIRED");
    return saveRow(tx, access, {
      entity: "ReportForm",
      label: "report form",
      before,
      version: input.version,
      action: "ARCHIVE",
      data: { status: "RETIRED" },
      // Forms are national.
      regionOf: () => null,
    });
  });
}
