// What the report test files share: a report as they read it, and the demo accounts, forms and
// places they use. Every report a test changes is created by its own file, on periods no other
// file uses.
import { expect } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { gql, ok, useIdentity } from "./graphql.js";
import { partnerKey } from "./partners.js";
import { demoStaff } from "./staff.js";

type Headers = Record<string, string>;

export interface ReportData {
  id: string;
  status: string;
  version: number;
  scope: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  overdue: boolean;
  published: boolean;
  returnReason: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  lockedAt: string | null;
  values: { total: number; rural: number | null; indicator: { code: string } }[];
}

export const REPORT = `id status version scope periodStart periodEnd dueDate overdue published returnReason
  submittedAt approvedAt lockedAt values { total rural indicator { code } }`;
export const FORM = `id code revision name periodicity dueDays status version indicators { id code hasRuralSplit position }`;

export async function readReport(id: string, headers: Headers): Promise<ReportData | null> {
  const response = await gql<{ node: ReportData | null }>(
    `query R($id: ID!) { node(id: $id) { ... on Report { ${REPORT} } } }`,
    { id },
    headers,
  );
  expect(response.errors).toBeUndefined();
  return response.data?.node ?? null;
}

/** The report's ChangeLog, oldest first. */
export async function changeLog(reportId: string) {
  return prisma.changeLog.findMany({
    where: { entity: "Report", entityId: fromGlobalId("Report", reportId) },
    orderBy: { at: "asc" },
  });
}

// The demo accounts, forms and places, set by setUpReports (the file's beforeAll). Exported as
// live bindings: a test that imports them reads the values set before it runs.
export let admin: Headers;
export let curator: Headers;
export let operator: Headers;
export let auditor: Headers;
/** A partner app's key, without the file's default identity (whose token would win over it). */
export let partner: Headers;
export let monthly: { id: string; dbId: string };
export let annual: string;
export let ownCentre: string;
export let otherCentre: string;
export let pskovCentre: string;
export let pskov: string;
export let udmurtiaMunicipality: string;
export let operatorUser: { id: string; centreId: string; regionId: string };

/** Reads the demo data and makes the administrator the file's default identity. */
export async function setUpReports(): Promise<void> {
  ({ admin, curator, operator, auditor } = await demoStaff());
  useIdentity(admin);
  partner = { authorization: "", ...(await partnerKey({ name: "Reports test partner" })).headers };

  const form = await prisma.reportForm.findFirstOrThrow({
    where: { code: "COD_MONTHLY" },
    orderBy: { revision: "desc" },
  });
  monthly = { id: toGlobalId("ReportForm", form.id), dbId: form.id };
  const annualForm = await prisma.reportForm.findFirstOrThrow({
    where: { code: "COD_ANNUAL" },
    orderBy: { revision: "desc" },
  });
  annual = toGlobalId("ReportForm", annualForm.id);
  const user = await prisma.user.findUniqueOrThrow({
    where: { email: "operator@dostup.local" },
    include: { centre: true },
  });
  if (!user.centre) throw new Error("The demo operator has no centre.");
  operatorUser = { id: user.id, centreId: user.centre.id, regionId: user.centre.regionId };
  ownCentre = toGlobalId("Centre", user.centre.id);
  const other = await prisma.centre.findFirstOrThrow({
    where: { regionId: user.centre.regionId, id: { not: user.centre.id }, archivedAt: null },
  });
  otherCentre = toGlobalId("Centre", other.id);
  const pskovRegion = await prisma.region.findUniqueOrThrow({ where: { code: "60" } });
  pskov = toGlobalId("Region", pskovRegion.id);
  pskovCentre = toGlobalId(
    "Centre",
    (await prisma.centre.findFirstOrThrow({ where: { regionId: pskovRegion.id, archivedAt: null } })).id,
  );
  udmurtiaMunicipality = toGlobalId(
    "Municipality",
    (await prisma.municipality.findFirstOrThrow({ where: { regionId: user.centre.regionId } })).id,
  );
}

/** A new DRAFT report of the operator's centre for the given month. */
export async function draft(periodStart: string): Promise<ReportData> {
  return ok("createReport", REPORT, { formId: monthly.id, centreId: ownCentre, periodStart }, { headers: operator });
}
