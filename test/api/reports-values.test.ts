// A report's values: every bad value named at once and none applied, whole numbers checked at
// the API and in the service, and the statements one write takes. Every report changed here
// is created here, on 2030 periods no other file uses.
import { beforeAll, describe, expect, it } from "vitest";
import type { UserRole } from "../../api/generated/prisma/client.js";
import { accessFor } from "../../api/lib/access.js";
import { prisma } from "../../api/lib/db.js";
import { ValidationError } from "../../api/lib/errors.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { setReportValues } from "../../api/modules/reports/report-values.service.js";
import { gql, mutate, ok } from "../helpers/graphql.js";
import {
  changeLog,
  draft,
  operator,
  operatorUser,
  REPORT,
  type ReportData,
  readReport,
  setUpReports,
} from "../helpers/reports.js";
import { recordSql } from "../helpers/sql.js";

describe("report values", () => {
  beforeAll(setUpReports);

  it("refuses rural above the total, negative and misplaced values, naming each field, and applies none", async () => {
    const report = await draft("2030-02-01");
    const first = await ok<ReportData>(
      "setReportValues",
      REPORT,
      { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 10, rural: 5 }] },
      { headers: operator },
    );
    const { outcome } = await mutate(
      "setReportValues",
      REPORT,
      {
        id: report.id,
        version: first.version,
        values: [
          { indicatorCode: "USERS", total: 5, rural: 6 },
          { indicatorCode: "REQ_GOV_INFO", total: -1 },
          { indicatorCode: "PORTAL_CONSULTATIONS", total: 3, rural: 1 },
          { indicatorCode: "NO_SUCH_INDICATOR", total: 1 },
          { indicatorId: toGlobalId("ReportIndicator", "00000000-0000-4000-8000-000000000000"), total: 1 },
          { indicatorCode: "REQ_E_APPEALS", total: 2 },
        ],
      },
      { headers: operator },
    );
    expect(outcome?.__typename).toBe("ValidationError");
    expect(outcome?.issues?.map((issue) => issue.field)).toEqual([
      "input.values.0.rural",
      "input.values.1.total",
      "input.values.2.rural",
      "input.values.3.indicatorCode",
      "input.values.4.indicatorId",
    ]);
    expect(outcome?.issues?.[0]?.message).toBe("The rural part (6) cannot exceed the total (5).");
    const after = await readReport(report.id, operator);
    expect(after?.version).toBe(first.version);
    expect(after?.values).toEqual([{ total: 10, rural: 5, indicator: { code: "USERS" } }]);
  });

  it("says what is wrong in Russian when the caller asks for it, with the same code and parameters", async () => {
    const report = await draft("2033-05-01");
    const ISSUES = `mutation M($input: SetReportValuesInput!) { setReportValues(input: $input) {
      ... on ValidationError { code message issues { field code message params { name value } } } } }`;
    const input = { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 5, rural: 6 }] };
    type Answer = {
      setReportValues: {
        code: string;
        message: string;
        issues: { field: string; code: string; message: string; params: { name: string; value: string }[] }[];
      };
    };
    const ru = await gql<Answer>(ISSUES, { input }, { ...operator, "accept-language": "ru-RU,ru;q=0.9,en;q=0.8" });
    const en = await gql<Answer>(ISSUES, { input }, operator);
    const issue = ru.data?.setReportValues.issues[0];
    expect(issue).toMatchObject({ field: "input.values.0.rural", code: "REPORT_RURAL_EXCEEDS_TOTAL" });
    expect(issue?.message).toBe("Сельская часть (6) не может быть больше общего числа (5).");
    expect(Object.fromEntries(issue?.params.map((p) => [p.name, p.value]) ?? [])).toEqual({
      indicator: "USERS",
      rural: "6",
      total: "5",
    });
    expect(ru.data?.setReportValues.message).toBe(`input.values.0.rural: ${issue?.message}`);
    // Without Accept-Language the same problem reads as it always has, in English.
    expect(en.data?.setReportValues.issues[0]).toMatchObject({
      code: "REPORT_RURAL_EXCEEDS_TOTAL",
      message: "The rural part (6) cannot exceed the total (5).",
    });
    expect((await readReport(report.id, operator))?.values).toEqual([]);
  });

  it("refuses fractional values: GraphQL's Int at the API, the service's own check behind it", async () => {
    const report = await draft("2030-03-01");
    const response = await gql(
      `mutation M($input: SetReportValuesInput!) { setReportValues(input: $input) { __typename } }`,
      { input: { id: report.id, version: 1, values: [{ indicatorCode: "USERS", total: 1.5 }] } },
      operator,
    );
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.message).toMatch(/Int cannot represent non-integer value: 1\.5/);

    const user = await prisma.user.findUniqueOrThrow({ where: { id: operatorUser.id } });
    const access = accessFor({
      kind: "user",
      userId: user.id,
      role: user.role as UserRole,
      regionIds: [],
      allRegions: false,
      centreId: operatorUser.centreId,
      centreRegionId: operatorUser.regionId,
    });
    const error = await setReportValues(access, {
      id: report.id,
      version: 1,
      values: [{ indicatorCode: "USERS", total: 1.5, rural: 0.5 }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.field)).toEqual([
      "input.values.0.total",
      "input.values.0.rural",
    ]);
    expect((await readReport(report.id, operator))?.values).toEqual([]);
  });

  it("writes values in four statements and one transaction, logging only what changed, before and after", async () => {
    const report = await draft("2030-08-01");
    const first = await ok<ReportData>(
      "setReportValues",
      REPORT,
      {
        id: report.id,
        version: 1,
        values: [
          { indicatorCode: "USERS", total: 7, rural: 1 },
          { indicatorCode: "WEBINARS", total: 3 },
        ],
      },
      { headers: operator },
    );
    const written = await recordSql(() =>
      mutate(
        "setReportValues",
        "id version status",
        {
          id: report.id,
          version: first.version,
          values: [
            { indicatorCode: "USERS", total: 9, rural: 1 },
            { indicatorCode: "WEBINARS", total: 3 },
          ],
        },
        { headers: operator },
      ),
    );
    expect(written.result.outcome).toMatchObject({
      __typename: "MutationSetReportValuesSuccess",
      data: { version: 3 },
    });
    // The report with its form's indicators, the version, the values (read before and after in
    // the statement that writes them), the log; then COMMIT. The answer's columns are at hand.
    expect(written.statements.filter((statement) => !/^(BEGIN|COMMIT)/.test(statement))).toHaveLength(4);
    const log = await changeLog(report.id);
    expect(log.at(-1)?.changes).toEqual({
      "values.USERS": { from: { total: 7, rural: 1 }, to: { total: 9, rural: 1 } },
    });
    expect(await readReport(report.id, operator)).toMatchObject({
      version: 3,
      values: expect.arrayContaining([
        { total: 9, rural: 1, indicator: { code: "USERS" } },
        { total: 3, rural: null, indicator: { code: "WEBINARS" } },
      ]),
    });
  });
});
