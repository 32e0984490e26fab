// Quality measurements: values recorded per place and period, judged against the target in force
// when the period began, checked for sense, and kept from partners and other regions' curators.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql, ok, useIdentity } from "../helpers/graphql.js";
import { partnerKey } from "../helpers/partners.js";
import { answered, approve, CREATE, SATISFACTION, STANDARD, type Standard, WAIT } from "../helpers/quality.js";

describe("quality measurements", () => {
  /** Records a value as the file's identity, the demo curator. */
  const record = (input: Record<string, unknown>) =>
    answered<{ value: number; meetsTarget: boolean; target: { threshold: number }; region: { code: string } }>(
      "recordQualityMeasurement",
      "id value version meetsTarget target { threshold } region { code }",
      input,
    );
  const MEASUREMENTS = `query M($filter: QualityMeasurementFilter) {
    qualityMeasurements(first: 20, filter: $filter) { totalCount edges { node { id value indicatorCode meetsTarget } } }
  }`;

  let serviceId: string;
  let smolenskId: string;

  beforeAll(async () => {
    useIdentity(await asUser("curator@dostup.local"));
    const region = await prisma.region.findUniqueOrThrow({ where: { code: "67" } });
    smolenskId = toGlobalId("Region", region.id);
    const service = await prisma.service.create({
      data: { name: `Тестовая услуга ${randomUUID()}`, level: "REGIONAL", regionId: region.id },
    });
    serviceId = toGlobalId("Service", service.id);
    const created = await ok<Standard>(CREATE, STANDARD, {
      serviceId,
      title: "Стандарт",
      validFrom: "2026-01-01",
      targets: [WAIT, SATISFACTION],
    });
    await approve(created, await asUser("admin@dostup.local"));
  });

  const base = () => ({
    serviceId,
    regionId: smolenskId,
    indicatorCode: "WAIT_MINUTES",
    periodStart: "2026-03-01",
    periodEnd: "2026-03-31",
  });

  it("records a value, judged against the target in force", async () => {
    const late = await record({ ...base(), value: 22 });
    expect(late.__typename).toBe("MutationRecordQualityMeasurementSuccess");
    expect(late.data).toMatchObject({
      value: 22,
      meetsTarget: false,
      target: { threshold: 15 },
      region: { code: "67" },
    });
    const good = await record({ ...base(), indicatorCode: "SATISFACTION_PCT", value: 95.5 });
    expect(good.__typename).toBe("MutationRecordQualityMeasurementSuccess");

    const list = await gql<{
      qualityMeasurements: { totalCount: number; edges: { node: { value: number; meetsTarget: boolean } }[] };
    }>(MEASUREMENTS, { filter: { serviceId, from: "2026-03-15", to: "2026-03-20" } });
    expect(list.data?.qualityMeasurements.totalCount).toBe(2);
    expect(list.data?.qualityMeasurements.edges.map((e) => e.node.meetsTarget).sort()).toEqual([false, true]);

    const again = await record({ ...base(), value: 10 });
    expect(again.__typename).toBe("ConflictError");
  });

  it("refuses values and indicators that make no sense, naming the field", async () => {
    const negative = await record({ ...base(), periodStart: "2026-04-01", periodEnd: "2026-04-30", value: -1 });
    expect(negative.issues).toEqual([{ field: "input.value", message: "A measured value cannot be negative." }]);
    const percent = await record({
      ...base(),
      indicatorCode: "SATISFACTION_PCT",
      periodStart: "2026-04-01",
      periodEnd: "2026-04-30",
      value: 101,
    });
    expect(percent.issues?.[0]?.field).toBe("input.value");
    const unknown = await record({ ...base(), indicatorCode: "QUEUE_LENGTH", value: 3 });
    expect(unknown.issues?.[0]?.field).toBe("input.indicatorCode");
    const backwards = await record({ ...base(), periodEnd: "2026-02-01", value: 3 });
    expect(backwards.issues?.[0]?.field).toBe("input.periodEnd");
  });

  it("keeps measurements from partners and curators of other regions", async () => {
    const key = await partnerKey({ name: "Measurements partner" });
    const partner = await gql(MEASUREMENTS, {}, { authorization: "", ...key.headers });
    expect(partner.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const pskov = await prisma.region.findUniqueOrThrow({ where: { code: "60" } });
    const result = await record({ ...base(), regionId: toGlobalId("Region", pskov.id), value: 3 });
    expect(result.__typename).toBe("ForbiddenError");
    const seen = await gql<{ qualityMeasurements: { totalCount: number } }>(MEASUREMENTS, {
      filter: { regionId: toGlobalId("Region", pskov.id) },
    });
    expect(seen.data?.qualityMeasurements.totalCount).toBe(0);
  });
});
