// Opening a report: one per form, entity and period, its period and due day derived from the
// form. Every report changed here is created here, on 2010 and 2032 periods no other file uses.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { mutate, ok } from "../helpers/graphql.js";
import {
  admin,
  annual,
  curator,
  draft,
  monthly,
  operator,
  operatorUser,
  ownCentre,
  pskov,
  REPORT,
  type ReportData,
  setUpReports,
  udmurtiaMunicipality,
} from "../helpers/reports.js";

describe("opening a report", () => {
  beforeAll(setUpReports);

  it("refuses a second report for the same form, entity and period with ConflictError", async () => {
    await draft("2032-01-01");
    const again = await mutate(
      "createReport",
      REPORT,
      { formId: monthly.id, centreId: ownCentre, periodStart: "2032-01-01" },
      { headers: curator },
    );
    expect(again.outcome?.__typename).toBe("ConflictError");
    expect(again.outcome?.message).toMatch(/already exists/);
    expect(
      await prisma.report.count({
        where: { formId: monthly.dbId, centreId: operatorUser.centreId, periodStart: new Date("2032-01-01") },
      }),
    ).toBe(1);
    // The same period of another entity, or another form, is a different report.
    await ok(
      "createReport",
      REPORT,
      { formId: monthly.id, municipalityId: udmurtiaMunicipality, periodStart: "2032-01-01" },
      { headers: curator },
    );
  });

  it("derives the period from the form and refuses a start that does not begin one", async () => {
    const midMonth = await mutate(
      "createReport",
      REPORT,
      { formId: monthly.id, centreId: ownCentre, periodStart: "2032-02-15" },
      { headers: operator },
    );
    expect(midMonth.outcome?.issues).toEqual([
      { field: "input.periodStart", message: expect.stringMatching(/first day of a month/) },
    ]);
    const midYear = await mutate(
      "createReport",
      REPORT,
      { formId: annual, regionId: pskov, periodStart: "2032-07-01" },
      { headers: admin },
    );
    expect(midYear.outcome?.issues?.[0]?.field).toBe("input.periodStart");
    const two = await mutate(
      "createReport",
      REPORT,
      { formId: monthly.id, centreId: ownCentre, regionId: pskov, periodStart: "2032-02-01" },
      { headers: admin },
    );
    expect(two.outcome?.issues?.[0]?.field).toBe("input");
    const none = await mutate(
      "createReport",
      REPORT,
      { formId: monthly.id, periodStart: "2032-02-01" },
      { headers: admin },
    );
    expect(none.outcome?.issues?.[0]?.field).toBe("input");

    const smolensk = await prisma.centre.findFirstOrThrow({ where: { region: { code: "67" }, archivedAt: null } });
    const late = await ok<ReportData>(
      "createReport",
      REPORT,
      { formId: monthly.id, centreId: toGlobalId("Centre", smolensk.id), periodStart: "2010-02-01" },
      { headers: curator },
    );
    expect(late).toMatchObject({ periodEnd: "2010-02-28", dueDate: "2010-03-10", overdue: true });
  });
});
