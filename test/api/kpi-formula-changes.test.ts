// KPI formulas refused with the field named (nothing written), changed, and dropped when a KPI
// becomes ENTERED.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId } from "../../api/lib/ids.js";
import { asUser, mutate, ok, useIdentity } from "../helpers/graphql.js";

type Headers = Record<string, string>;

const KPI = "id source version definition { kind services { proactive federal } } formulaText";

interface KpiData {
  id: string;
  source: string;
  version: number;
  definition: Record<string, unknown> | null;
  formulaText: string | null;
}

const base = {
  name: "Тестовый показатель",
  formula: "Вычисляется по формуле",
  unit: "%",
  targetValue: 50,
  targetYear: 2030,
  source: "COMPUTED",
};

describe("KPI formula changes", () => {
  let admin: Headers;
  const created: string[] = [];

  const define = async (input: object) => {
    const kpi = await ok<KpiData>("createKpi", KPI, { ...base, ...input }, { headers: admin });
    created.push(fromGlobalId("Kpi", kpi.id));
    return kpi;
  };

  beforeAll(async () => {
    admin = await asUser("admin@dostup.local");
    useIdentity(admin);
  });

  afterAll(async () => {
    await prisma.kpi.deleteMany({ where: { id: { in: created } } });
  });

  it("refuses bad formulas with the field named, writing nothing", async () => {
    const before = await prisma.kpi.count();
    const cases: [object, string][] = [
      [{ definition: undefined }, "input.definition"],
      [{ source: "ENTERED", definition: { kind: "POPULATION" } }, "input.definition"],
      [{ definition: { kind: "SERVICE_SHARE", services: { socialSignificant: true } } }, "input.definition.having"],
      [{ definition: { kind: "INDICATOR" } }, "input.definition.indicatorCode"],
      [{ definition: { kind: "POPULATION", indicatorCode: "USERS" } }, "input.definition.indicatorCode"],
      [{ definition: { kind: "RATIO", numerator: { kind: "POPULATION" } } }, "input.definition.denominator"],
      [
        { definition: { kind: "RATIO", numerator: { kind: "RATIO" }, denominator: { kind: "POPULATION" } } },
        "input.definition.numerator.kind",
      ],
      [
        {
          definition: {
            kind: "RATIO",
            numerator: { kind: "POPULATION" },
            denominator: { kind: "POPULATION" },
            multiplier: 0,
          },
        },
        "input.definition.multiplier",
      ],
      [{ definition: { kind: "POPULATION", multiplier: 100 } }, "input.definition.multiplier"],
      [
        {
          definition: {
            kind: "RATIO",
            numerator: { kind: "INDICATOR", indicatorCode: "NO_SUCH_INDICATOR" },
            denominator: { kind: "POPULATION" },
          },
        },
        "input.definition.numerator.indicatorCode",
      ],
    ];
    for (const [input, field] of cases) {
      const { outcome, response } = await mutate(
        "createKpi",
        "id",
        { ...base, code: "TEST_BAD_FORMULA", ...input },
        {
          headers: admin,
        },
      );
      expect(response.errors, JSON.stringify(input)).toBeUndefined();
      expect(outcome?.__typename, JSON.stringify(input)).toBe("ValidationError");
      expect(
        outcome?.issues?.map((issue) => issue.field),
        JSON.stringify(input),
      ).toContain(field);
    }
    expect(await prisma.kpi.count()).toBe(before);
  });

  it("changes a formula, and drops it when the KPI becomes ENTERED", async () => {
    const kpi = await define({ code: "TEST_CHANGING_FORMULA", definition: { kind: "SERVICE_COUNT" } });
    const missing = await mutate(
      "updateKpi",
      "id",
      { id: kpi.id, version: 1, source: "ENTERED", definition: { kind: "POPULATION" } },
      {
        headers: admin,
      },
    );
    expect(missing.outcome?.issues?.[0]?.field).toBe("input.definition");
    const changed = await ok<KpiData>(
      "updateKpi",
      KPI,
      { id: kpi.id, version: 1, definition: { kind: "SERVICE_COUNT", services: { proactive: true } } },
      { headers: admin },
    );
    expect(changed.definition).toMatchObject({ kind: "SERVICE_COUNT", services: { proactive: true, federal: true } });
    const entered = await ok<KpiData>(
      "updateKpi",
      KPI,
      { id: kpi.id, version: 2, source: "ENTERED" },
      { headers: admin },
    );
    expect(entered).toMatchObject({ source: "ENTERED", definition: null, formulaText: null, version: 3 });
    const back = await mutate("updateKpi", "id", { id: kpi.id, version: 3, source: "COMPUTED" }, { headers: admin });
    expect(back.outcome?.issues?.[0]).toEqual({
      field: "input.definition",
      message: "A COMPUTED KPI needs its formula.",
    });
    const log = await prisma.changeLog.findMany({
      where: { entity: "Kpi", entityId: fromGlobalId("Kpi", kpi.id) },
      orderBy: { at: "asc" },
    });
    expect(log.map((entry) => entry.action)).toEqual(["CREATE", "UPDATE", "UPDATE"]);
  });
});
