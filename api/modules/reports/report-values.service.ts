// A report's values: entering and correcting its figures while it is a draft or returned, each
// checked against its form, and the one statement that writes them with their log (imports of
// a filled-in template write through it too: spreadsheets), and a draft's figures taken from the
// event register.
import type { Prisma, Report, ReportIndicator, ReportStatus } from "../../generated/prisma/client.js";
import type { Access } from "../../lib/access.js";
import { assertUpdated, change, log, type Tx } from "../../lib/change.js";
import { type FieldProblem, ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors.js";
import { fromGlobalId } from "../../lib/ids.js";
import type { SetReportValuesData } from "./reports.inputs.js";
import { assertVersion, canEdit, reportScope } from "./reports.service.js";

const STATUS_WORD: Record<ReportStatus, string> = {
  DRAFT: "a draft",
  SUBMITTED: "submitted",
  RETURNED: "returned",
  APPROVED: "approved",
  LOCKED: "locked",
};

/** "submitted (SUBMITTED)": a status as messages name it (a translated `statusEntity`, parts/entities.ts). */
function statusWord(status: ReportStatus): string {
  return `${STATUS_WORD[status]} (${status})`;
}

export function assertValuesEditable(report: { status: ReportStatus }): void {
  if (report.status === "DRAFT" || report.status === "RETURNED") return;
  throw report.status === "SUBMITTED"
    ? ValidationError.of("status", "REPORT_VALUES_UNDER_REVIEW")
    : ValidationError.of("status", "REPORT_VALUES_FINAL", { statusEntity: statusWord(report.status) });
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
  values: SetReportValuesData["values"],
  indicators: { id: string; code: string; hasRuralSplit: boolean }[],
): { indicatorId: string; total: number; rural: number | null }[] {
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  const byCode = new Map(indicators.map((indicator) => [indicator.code, indicator]));
  const issues: FieldProblem[] = [];
  const seen = new Set<string>();
  const rows: { indicatorId: string; total: number; rural: number | null }[] = [];
  values.forEach((value, i) => {
    const at = `input.values.${i}`;
    let indicator: { id: string; code: string; hasRuralSplit: boolean } | undefined;
    if (value.indicatorId && value.indicatorCode) {
      issues.push({ field: `${at}.indicatorId`, code: "REPORT_VALUE_INDICATOR_ID_OR_CODE" });
    } else if (value.indicatorId) {
      let id: string | null = null;
      try {
        id = fromGlobalId("ReportIndicator", value.indicatorId, `${at}.indicatorId`);
      } catch {
        id = null;
      }
      indicator = id ? byId.get(id) : undefined;
      if (!indicator) issues.push({ field: `${at}.indicatorId`, code: "REPORT_VALUE_NOT_FORM_INDICATOR" });
    } else if (value.indicatorCode) {
      indicator = byCode.get(value.indicatorCode);
      if (!indicator) {
        issues.push({
          field: `${at}.indicatorCode`,
          code: "REPORT_VALUE_NO_SUCH_INDICATOR",
          params: { code: value.indicatorCode },
        });
      }
    } else {
      issues.push({ field: `${at}.indicatorId`, code: "REPORT_VALUE_INDICATOR_MISSING" });
    }
    if (indicator) {
      if (seen.has(indicator.id))
        issues.push({
          field: `${at}.indicatorId`,
          code: "REPORT_VALUE_INDICATOR_TWICE",
          params: { code: indicator.code },
        });
      seen.add(indicator.id);
    }
    const totalOk = Number.isInteger(value.total) && value.total >= 0;
    if (!Number.isInteger(value.total))
      issues.push({ field: `${at}.total`, code: "REPORT_VALUE_NOT_WHOLE", params: { value: value.total } });
    else if (value.total < 0) issues.push({ field: `${at}.total`, code: "NEGATIVE_NOT_ALLOWED" });
    const rural = value.rural ?? null;
    if (rural !== null) {
      if (indicator && !indicator.hasRuralSplit) {
        issues.push({ field: `${at}.rural`, code: "REPORT_VALUE_NO_RURAL_SPLIT", params: { code: indicator.code } });
      } else if (!Number.isInteger(rural)) {
        issues.push({ field: `${at}.rural`, code: "REPORT_VALUE_NOT_WHOLE", params: { value: rural } });
      } else if (rural < 0) {
        issues.push({ field: `${at}.rural`, code: "NEGATIVE_NOT_ALLOWED" });
      } else if (totalOk && rural > value.total) {
        issues.push({
          field: `${at}.rural`,
          code: "REPORT_RURAL_EXCEEDS_TOTAL",
          params: { indicator: indicator?.code ?? null, rural, total: value.total },
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

type ReportWithIndicators = Report & { form: { indicators: ReportIndicator[] } };

/**
 * The shared path of every change of a report's values: the report with its form's indicators
 * (not found outside the caller's scope, forbidden to whoever may not fill it in), the version
 * read, the statuses allowed; then the rows `rowsOf` gives are written with their log and the
 * report's version bumped. Four statements besides what `rowsOf` reads.
 */
async function changeValues(
  access: Access,
  data: { id: string; version: number },
  statuses: readonly ReportStatus[],
  assertStatus: (report: Report) => void,
  rowsOf: (tx: Tx, report: ReportWithIndicators) => Promise<ValueInput[]> | ValueInput[],
  note?: (rows: ValueInput[]) => Record<string, unknown>,
): Promise<Report> {
  return change("report", async (tx) => {
    const id = fromGlobalId("Report", data.id, "input.id");
    const found = await tx.report.findFirst({
      where: { id, AND: [reportScope(access)] },
      include: { form: { select: { indicators: true } } },
    });
    if (!found) throw new NotFoundError("report");
    const { form: _form, ...report } = found;
    if (!canEdit(access, report)) throw new ForbiddenError("REPORT_FILL_FORBIDDEN");
    assertVersion(report, data.version);
    assertStatus(report);
    const rows = await rowsOf(tx, found);
    const [after] = await tx.$queryRaw<Report[]>`
      UPDATE "Report" SET version = version + 1, "updatedAt" = now()
      WHERE id = ${report.id}::uuid AND version = ${data.version} AND status::text = ANY(${[...statuses]}::text[])
      RETURNING *`;
    assertUpdated(after ? 1 : 0, report, "report", data.version);
    await writeReportValues(tx, access, report, rows, note?.(rows));
    return after as Report;
  });
}

type ValueInput = { indicatorId: string; total: number; rural: number | null };

/**
 * Enters or corrects values of a DRAFT or RETURNED report. The given indicators' values are
 * replaced; others stay. Nothing is applied unless every value is valid. Four statements: the
 * report with its form's indicators, the version bump, the values with their log's before and
 * after, the log.
 */
export async function setReportValues(access: Access, data: SetReportValuesData) {
  return changeValues(access, data, ["DRAFT", "RETURNED"], assertValuesEditable, (_tx, report) =>
    checkValues(data.values, report.form.indicators),
  );
}

// ── Values from the event register ──

/**
 * The register's events a report counts: non-archived, of the report's region, starting within
 * its period, and of its reporting entity: a centre's report the events that centre held
 * (Event.centreId), a municipality's the events that covered it (its EventMunicipality rows), a
 * region's all of the region's events.
 */
function eventsOfReport(report: Report): Prisma.EventWhereInput {
  const entity: Prisma.EventWhereInput =
    report.scope === "CENTRE"
      ? { centreId: report.centreId ?? NO_ROW }
      : report.scope === "MUNICIPALITY"
        ? { municipalities: { some: { municipalityId: report.municipalityId ?? NO_ROW } } }
        : {};
  return {
    regionId: report.regionId,
    archivedAt: null,
    startsOn: { gte: report.periodStart, lte: report.periodEnd },
    ...entity,
  };
}

const NO_ROW = "00000000-0000-0000-0000-000000000000";

/**
 * Sets every indicator of a DRAFT report's form that is computed from the event register
 * (ReportIndicator.eventMeasure) from the events the report counts (eventsOfReport): COUNT the
 * number of events of the indicator's kind and audience (where given), PARTICIPANTS the sum of
 * their participants (events without a count add nothing). An indicator no event matches gets 0,
 * so the report says what the register holds; other indicators keep their values. Written and
 * logged as setReportValues writes (the log's note says the figures came from the register).
 */
export async function prefillReportFromEvents(access: Access, data: { id: string; version: number }) {
  let events = 0;
  return changeValues(
    access,
    data,
    ["DRAFT"],
    (report) => {
      if (report.status !== "DRAFT")
        throw ValidationError.of("status", "REPORT_PREFILL_DRAFT_ONLY", { statusEntity: statusWord(report.status) });
    },
    async (tx, report) => {
      const mapped = report.form.indicators.filter((indicator) => indicator.eventMeasure !== null);
      if (mapped.length === 0) throw ValidationError.of("input.id", "REPORT_PREFILL_NO_EVENT_INDICATORS");
      const groups = await tx.event.groupBy({
        by: ["kind", "audience"],
        where: eventsOfReport(report),
        _count: { _all: true },
        _sum: { participants: true },
      });
      events = groups.reduce((sum, group) => sum + group._count._all, 0);
      return mapped.map((indicator) => {
        const matching = groups.filter(
          (group) =>
            (indicator.eventKind === null || group.kind === indicator.eventKind) &&
            (indicator.eventAudience === null || group.audience === indicator.eventAudience),
        );
        const total = matching.reduce(
          (sum, group) =>
            sum + (indicator.eventMeasure === "COUNT" ? group._count._all : (group._sum.participants ?? 0)),
          0,
        );
        return { indicatorId: indicator.id, total, rural: null };
      });
    },
    () => ({ prefilledFromEvents: events }),
  );
}
