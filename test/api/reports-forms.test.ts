// Report forms: readable by every signed-in caller, changed by administrators only, frozen
// once a report uses them, and new revisions instead. Every report changed here is created
// here, on 2030 periods no other file uses.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId } from "../../api/lib/ids.js";
import { gql, mutate, ok } from "../helpers/graphql.js";
import {
  admin,
  curator,
  FORM,
  operator,
  ownCentre,
  partner,
  REPORT,
  type ReportData,
  setUpReports,
} from "../helpers/reports.js";

describe("report forms", () => {
  beforeAll(setUpReports);

  it("are readable by every signed-in caller, indicators in order", async () => {
    const query = `query { reportForms(first: 10, filter: { search: "cod_" }) { totalCount edges { node { ${FORM} } } } }`;
    for (const who of [operator, partner]) {
      const result = await gql<{
        reportForms: { totalCount: number; edges: { node: { code: string; indicators: { position: number }[] } }[] };
      }>(query, {}, who);
      expect(result.errors).toBeUndefined();
      expect(result.data?.reportForms.totalCount).toBeGreaterThanOrEqual(2);
      const positions = result.data?.reportForms.edges[0]?.node.indicators.map((i) => i.position) ?? [];
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(positions.length).toBeGreaterThan(5);
    }
    const anonymous = await gql(query, {}, { authorization: "" });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("are created and changed by administrators only, and frozen once a report uses them", async () => {
    const input = {
      code: "TEST_QUARTERLY",
      name: "Тестовая квартальная форма",
      periodicity: "QUARTERLY",
      dueDays: 15,
      indicators: [
        { code: "VISITORS", name: "Посетители", unit: "чел.", hasRuralSplit: true, category: "USERS" },
        { code: "EVENTS", name: "Мероприятия", unit: "ед." },
      ],
    };
    const refused = await mutate("createReportForm", FORM, input, { headers: curator });
    expect(refused.response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const twice = await mutate(
      "createReportForm",
      FORM,
      { ...input, code: "bad code", dueDays: -1, indicators: [input.indicators[1], input.indicators[1]] },
      { headers: admin },
    );
    expect(twice.outcome?.issues?.map((i) => i.field).sort()).toEqual([
      "input.code",
      "input.dueDays",
      "input.indicators.1.code",
    ]);

    type Form = {
      id: string;
      version: number;
      revision: number;
      status: string;
      indicators: { id: string; code: string; position: number }[];
    };
    const form = await ok<Form>("createReportForm", FORM, input, { headers: admin });
    expect(form).toMatchObject({ revision: 1, status: "ACTIVE", version: 1 });
    expect(form.indicators.map((i) => [i.code, i.position])).toEqual([
      ["VISITORS", 1],
      ["EVENTS", 2],
    ]);

    const updated = await ok<Form>(
      "updateReportForm",
      FORM,
      {
        id: form.id,
        version: 1,
        dueDays: 20,
        indicators: [input.indicators[1], { code: "SEMINARS", name: "Семинары", unit: "ед." }, input.indicators[0]],
      },
      { headers: admin },
    );
    expect(updated.version).toBe(2);
    expect(updated.indicators.map((i) => i.code)).toEqual(["EVENTS", "SEMINARS", "VISITORS"]);
    // Kept codes keep their ids.
    expect(updated.indicators.find((i) => i.code === "EVENTS")?.id).toBe(form.indicators[1]?.id);
    const stale = await mutate("updateReportForm", FORM, { id: form.id, version: 1, dueDays: 5 }, { headers: admin });
    expect(stale.outcome).toMatchObject({ __typename: "ConflictError", currentVersion: 2 });

    const quarter = await mutate(
      "createReport",
      REPORT,
      { formId: form.id, centreId: ownCentre, periodStart: "2030-02-01" },
      { headers: operator },
    );
    expect(quarter.outcome?.issues?.[0]?.message).toMatch(/first day of a quarter/);
    const report = await ok<ReportData>(
      "createReport",
      REPORT,
      { formId: form.id, centreId: ownCentre, periodStart: "2030-04-01" },
      { headers: operator },
    );
    expect(report).toMatchObject({ periodEnd: "2030-06-30", dueDate: "2030-07-20" });
    const byId = await ok<ReportData>(
      "setReportValues",
      REPORT,
      { id: report.id, version: 1, values: [{ indicatorId: updated.indicators[2]?.id, total: 5, rural: 5 }] },
      { headers: operator },
    );
    expect(byId.values).toEqual([{ total: 5, rural: 5, indicator: { code: "VISITORS" } }]);

    const frozen = await mutate(
      "updateReportForm",
      FORM,
      { id: form.id, version: 2, name: "Другое" },
      { headers: admin },
    );
    expect(frozen.outcome?.__typename).toBe("ValidationError");
    expect(frozen.outcome?.message).toMatch(/next revision/);

    const next = await ok<Form>("createReportForm", FORM, input, { headers: admin });
    expect(next.revision).toBe(2);
    const duplicate = await mutate("createReportForm", FORM, { ...input, revision: 1 }, { headers: admin });
    expect(duplicate.outcome?.__typename).toBe("ConflictError");

    const retired = await ok<Form>(
      "retireReportForm",
      FORM,
      { id: form.id, version: 2 },
      { headers: admin, inputType: "VersionedInput" },
    );
    expect(retired.status).toBe("RETIRED");
    const onRetired = await mutate(
      "createReport",
      REPORT,
      { formId: form.id, centreId: ownCentre, periodStart: "2030-07-01" },
      { headers: operator },
    );
    expect(onRetired.outcome?.issues?.[0]?.field).toBe("input.formId");

    const log = await prisma.changeLog.findMany({
      where: { entity: "ReportForm", entityId: fromGlobalId("ReportForm", form.id) },
      orderBy: { at: "asc" },
    });
    expect(log.map((entry) => entry.action)).toEqual(["CREATE", "UPDATE", "ARCHIVE"]);
    expect(log[1]?.changes).toMatchObject({ dueDays: { from: 15, to: 20 } });
  });
});
