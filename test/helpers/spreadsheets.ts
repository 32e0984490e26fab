// What the spreadsheet test files share: the template's header, importing a file into a report
// and reading its values back, and the demo accounts, form and places they use. Every report a
// test changes is created by its own file, on 2045 periods no other file uses.
import { parse as parseCsv } from "csv-parse/sync";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { mutate, ok, useIdentity } from "./graphql.js";
import { demoStaff } from "./staff.js";

type Headers = Record<string, string>;

export interface Problem {
  line: number;
  column: string | null;
  code: string;
  reason: string;
}

export interface Batch {
  id: string;
  status: string;
  rowCount: number;
  errors: Problem[];
  finishedAt: string | null;
  file: { id: string } | null;
  report: { id: string } | null;
}

export const BATCH = "id status rowCount errors { line column code reason } finishedAt file { id } report { id }";
export const HEADER = "period_start,indicator_code,indicator_name,unit,total,rural";

export function importInput(report: { id: string; version: number }, content: Buffer | string, format = "CSV") {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return { reportId: report.id, version: report.version, content: bytes.toString("base64"), format };
}

export async function importValues(
  report: { id: string; version: number },
  content: Buffer | string,
  headers: Headers,
  format = "CSV",
) {
  return mutate<Batch>("importReportValues", BATCH, importInput(report, content, format), { headers });
}

/** A report's values by indicator code, straight from the database. */
export async function valuesOf(reportId: string): Promise<Record<string, { total: number; rural: number | null }>> {
  const rows = await prisma.reportValue.findMany({
    where: { reportId: fromGlobalId("Report", reportId) },
    include: { indicator: { select: { code: true } } },
  });
  return Object.fromEntries(rows.map((row) => [row.indicator.code, { total: row.total, rural: row.rural }]));
}

export function csvRows(bytes: Buffer): string[][] {
  return parseCsv(bytes, { bom: true, relax_column_count: true });
}

// The demo accounts, form and places, set by setUpSpreadsheets (the file's beforeAll). Exported
// as live bindings: a test that imports them reads the values set before it runs.
export let admin: Headers;
export let curator: Headers;
export let operator: Headers;
export let auditor: Headers;
export let monthly: string;
export let indicatorCodes: string[];
export let ownCentre: string;
export let otherCentre: string;
export let thirdCentre: string;
export let udmurtia: { id: string; dbId: string };
export let pskov: string;

/** Reads the demo data and makes the administrator the file's default identity. */
export async function setUpSpreadsheets(): Promise<void> {
  ({ admin, curator, operator, auditor } = await demoStaff());
  useIdentity(admin);
  const form = await prisma.reportForm.findFirstOrThrow({
    where: { code: "COD_MONTHLY" },
    orderBy: { revision: "desc" },
    include: { indicators: { orderBy: { position: "asc" } } },
  });
  monthly = toGlobalId("ReportForm", form.id);
  indicatorCodes = form.indicators.map((indicator) => indicator.code);
  const user = await prisma.user.findUniqueOrThrow({ where: { email: "operator@dostup.local" } });
  if (!user.centreId) throw new Error("The demo operator has no centre.");
  ownCentre = toGlobalId("Centre", user.centreId);
  const region = await prisma.region.findUniqueOrThrow({ where: { code: "18" } });
  udmurtia = { id: toGlobalId("Region", region.id), dbId: region.id };
  const others = await prisma.centre.findMany({
    where: { regionId: region.id, id: { not: user.centreId }, archivedAt: null },
    orderBy: { id: "asc" },
    take: 3,
  });
  const [other, third] = others.map((centre) => toGlobalId("Centre", centre.id));
  if (!other || !third) throw new Error("The demo data has too few Udmurtia centres.");
  otherCentre = other;
  thirdCentre = third;
  pskov = toGlobalId("Region", (await prisma.region.findUniqueOrThrow({ where: { code: "60" } })).id);
}

/** A new DRAFT report of the monthly form, of the operator's centre unless another is given. */
export async function draft(periodStart: string, centreId = ownCentre, headers = operator) {
  return ok<{ id: string; version: number }>(
    "createReport",
    "id version",
    { formId: monthly, centreId, periodStart },
    { headers },
  );
}
