// Who asks, and which rows of the demo data the cases name. Everything created here is
// created before the first fingerprint and removed afterwards.
import { randomBytes } from "node:crypto";
import { hashApiKey } from "../../../api/lib/auth.js";
import { prisma } from "../../../api/lib/db.js";
import { toGlobalId } from "../../../api/lib/ids.js";
import { asUser } from "../../helpers/graphql.js";
import type { Headers } from "./harness.js";

export interface Fixtures {
  admin: Headers;
  curator: Headers;
  operator: Headers;
  auditor: Headers;
  partner: Headers;
  /** A partner app's key that submits citizens' feedback (feedback:write) and nothing else. */
  feedbackPartner: Headers;
  /** A systemic error of a region outside the curator's, made here and removed afterwards. */
  foreignSystemicErrorId: string;
  /** Keys that once worked or never did: revoked, expired, unknown. */
  deadKeys: Record<string, string>;
  curatorRegionIds: string[];
  /** Regions outside the curator's 67 and 18. */
  otherRegions: { id: string; code: string }[];
  operatorCentre: { id: string; regionId: string; version: number };
  /** Another centre of the operator's region (Udmurtia), which the operator does not work in. */
  neighbourCentre: { id: string; regionId: string; version: number };
  /** A DRAFT report of the operator's centre (a period nothing else uses), its form's indicator codes. */
  draftReport: { id: string; version: number; codes: string[]; formId: string };
  /** Rows the curator may change, for mutation cases whose only fault is the bad value. */
  curatorCentre: { id: string; version: number; settlementId: string };
  curatorPerson: { id: string; version: number };
  feedbackCategoryId: string;
  serviceId: string;
  kpiId: string;
  adminId: string;
  /** A user switched off: their otherwise valid token must not work. */
  inactiveUserId: string;
  run: string;
  cleanup: () => Promise<void>;
}

export async function createFixtures(): Promise<Fixtures> {
  const run = randomBytes(3).toString("hex");
  const created: string[] = [];
  const key = async (
    name: string,
    data: { revokedAt?: Date; expiresAt?: Date },
    scopes: string[] = ["registry:read", "statistics:read"],
  ) => {
    const value = `dsp_${randomBytes(24).toString("base64url")}`;
    const client = await prisma.apiClient.create({
      data: {
        name: `bad input ${name} ${run}`,
        keyPrefix: value.slice(0, 12),
        keyHash: hashApiKey(value),
        scopes,
        ...data,
      },
    });
    created.push(client.id);
    return value;
  };
  const live = await key("live", {});
  const revoked = await key("revoked", { revokedAt: new Date(Date.now() - 60_000) });
  const expired = await key("expired", { expiresAt: new Date(Date.now() - 60_000) });
  const feedbackWriter = await key("feedback", {}, ["feedback:write"]);

  const curatorUser = await prisma.user.findUniqueOrThrow({
    where: { email: "curator@dostup.local" },
    include: { regions: true },
  });
  const curatorRegionIds = curatorUser.regions.map((r) => r.regionId);
  const otherRegions = await prisma.region.findMany({
    where: { id: { notIn: curatorRegionIds } },
    select: { id: true, code: true },
    orderBy: { code: "asc" },
  });
  const operatorUser = await prisma.user.findUniqueOrThrow({ where: { email: "operator@dostup.local" } });
  const operatorCentre = await prisma.centre.findUniqueOrThrow({
    where: { id: operatorUser.centreId ?? "" },
    select: { id: true, regionId: true, version: true },
  });
  const neighbourCentre = await prisma.centre.findFirstOrThrow({
    where: { regionId: operatorCentre.regionId, id: { not: operatorCentre.id } },
    select: { id: true, regionId: true, version: true },
    orderBy: { id: "asc" },
  });

  const form = await prisma.reportForm.findFirstOrThrow({
    where: { status: "ACTIVE", periodicity: "ANNUAL" },
    include: { indicators: { orderBy: { position: "asc" } } },
  });
  const report = await prisma.report.create({
    data: {
      formId: form.id,
      scope: "CENTRE",
      centreId: operatorCentre.id,
      regionId: operatorCentre.regionId,
      periodStart: new Date(Date.UTC(2071, 0, 1)),
      periodEnd: new Date(Date.UTC(2071, 11, 31)),
      status: "DRAFT",
    },
  });
  const curatorCentre = await prisma.centre.findFirstOrThrow({
    where: { regionId: { in: curatorRegionIds }, archivedAt: null, settlementId: { not: null } },
    orderBy: { id: "asc" },
  });
  const curatorPerson = await prisma.person.findFirstOrThrow({
    where: { regionId: { in: curatorRegionIds }, archivedAt: null },
    orderBy: { id: "asc" },
  });
  const category = await prisma.feedbackCategory.findFirstOrThrow({ orderBy: { id: "asc" } });
  const service = await prisma.service.findFirstOrThrow({ where: { regionId: null }, orderBy: { id: "asc" } });
  const kpi = await prisma.kpi.findFirstOrThrow({ orderBy: { code: "asc" } });
  const adminUser = await prisma.user.findUniqueOrThrow({ where: { email: "admin@dostup.local" } });
  const foreignError = await prisma.systemicError.create({
    data: {
      regionId: otherRegions[0]?.id ?? "",
      title: `Чужая системная ошибка ${run}`,
      dueAt: new Date(Date.UTC(2071, 0, 31)),
    },
  });
  const inactive = await prisma.user.create({
    data: {
      email: `bad-input-${run}@dostup.local`,
      passwordHash: adminUser.passwordHash,
      fullName: "Отключённый Администратор",
      role: "ADMIN",
      active: false,
    },
  });

  return {
    admin: await asUser("admin@dostup.local"),
    curator: await asUser("curator@dostup.local"),
    operator: await asUser("operator@dostup.local"),
    auditor: await asUser("auditor@dostup.local"),
    partner: { "x-api-key": live },
    feedbackPartner: { "x-api-key": feedbackWriter },
    foreignSystemicErrorId: toGlobalId("SystemicError", foreignError.id),
    deadKeys: {
      revoked,
      expired,
      unknown: `dsp_${randomBytes(24).toString("base64url")}`,
      "revoked, in upper case": revoked.toUpperCase(),
      "revoked, its prefix only": revoked.slice(0, 12),
      "revoked, with a trailing space": `${revoked} `,
      empty: " ",
    },
    curatorRegionIds,
    otherRegions,
    operatorCentre,
    neighbourCentre,
    draftReport: {
      id: toGlobalId("Report", report.id),
      version: report.version,
      codes: form.indicators.map((i) => i.code),
      formId: toGlobalId("ReportForm", form.id),
    },
    curatorCentre: {
      id: toGlobalId("Centre", curatorCentre.id),
      version: curatorCentre.version,
      settlementId: toGlobalId("Settlement", curatorCentre.settlementId ?? ""),
    },
    curatorPerson: { id: toGlobalId("Person", curatorPerson.id), version: curatorPerson.version },
    feedbackCategoryId: toGlobalId("FeedbackCategory", category.id),
    serviceId: toGlobalId("Service", service.id),
    kpiId: toGlobalId("Kpi", kpi.id),
    adminId: adminUser.id,
    inactiveUserId: inactive.id,
    run,
    cleanup: async () => {
      await prisma.user.deleteMany({ where: { id: inactive.id } });
      await prisma.report.deleteMany({ where: { id: report.id } });
      await prisma.systemicError.deleteMany({ where: { id: foreignError.id } });
      await prisma.apiClient.deleteMany({ where: { id: { in: created } } });
    },
  };
}
