// Four eyes: whoever created, filled in (by any path) or submitted a report can neither approve
// nor publish it, and whoever created or edited a quality standard's draft cannot approve it;
// administrators are not exempt. Another curator of the region or an administrator can. Every
// act, every approver.
import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql, mutate, type Outcome, ok } from "../helpers/graphql.js";
import { CURATOR_REGIONS } from "../helpers/roles.js";
import { newUser, type TestUser } from "../helpers/users.js";

describe("four eyes", () => {
  type Data = Record<string, unknown> & { id: string; version: number };
  type Headers = Record<string, string>;
  type Approver = "another curator of the region" | "an administrator";
  const APPROVERS: readonly Approver[] = ["another curator of the region", "an administrator"];
  const AUTHORS = ["ADMIN", "CURATOR"] as const;

  const options = (name: string, headers: Headers) =>
    name === "submitReport" ? { headers, inputType: "VersionedInput" } : { headers };

  /** One mutation; its result union as the caller sees it. */
  async function call(name: string, input: object, headers: Headers, fields = "id version") {
    const { outcome, response } = await mutate<Data>(name, fields, input, options(name, headers));
    expect(response.errors, name).toBeUndefined();
    return outcome as Outcome<Data>;
  }

  const done = (name: string, input: object, headers: Headers, fields = "id version") =>
    ok<Data>(name, fields, input, options(name, headers));

  async function canApprove(id: string, headers: Headers): Promise<boolean | undefined> {
    const response = await gql<{ node: { canApprove: boolean } | null }>(
      `query C($id: ID!) { node(id: $id) { ... on Report { canApprove } ... on QualityStandard { canApprove } } }`,
      { id },
      headers,
    );
    return response.data?.node?.canApprove;
  }

  let demo: Record<(typeof AUTHORS)[number] | "OPERATOR", Headers>;
  /** Not the demo accounts: a second curator of the operator's regions, a second administrator. */
  let colleague: TestUser;
  let secondAdmin: TestUser;
  /** Drafts the standards another author edits or copies. */
  let drafter: TestUser;
  let formId: string;
  let centreId: string;
  let period = 0;

  beforeAll(async () => {
    demo = {
      ADMIN: await asUser("admin@dostup.local"),
      CURATOR: await asUser("curator@dostup.local"),
      OPERATOR: await asUser("operator@dostup.local"),
    };
    colleague = await newUser("CURATOR", CURATOR_REGIONS);
    secondAdmin = await newUser("ADMIN");
    drafter = await newUser("CURATOR", ["67"]);
    const form = await prisma.reportForm.findFirstOrThrow({ where: { code: "COD_MONTHLY", status: "ACTIVE" } });
    formId = toGlobalId("ReportForm", form.id);
    const operator = await prisma.user.findUniqueOrThrow({ where: { email: "operator@dostup.local" } });
    centreId = toGlobalId("Centre", operator.centreId ?? "");
  });

  /** Who approves instead of the author: never the author, never the report's other writers. */
  function approverFor(author: (typeof AUTHORS)[number], approver: Approver): Headers {
    if (approver === "an administrator") return author === "ADMIN" ? secondAdmin.headers : demo.ADMIN;
    return author === "CURATOR" ? colleague.headers : demo.CURATOR;
  }

  const versionOf = async (id: string) =>
    (await prisma.report.findUniqueOrThrow({ where: { id: fromGlobalId("Report", id) } })).version;

  /** A CSV of the form's template with one value, as a spreadsheet the user filled in. */
  const csv = (periodStart: string) =>
    Buffer.from(`period_start,indicator_code,indicator_name,unit,total,rural\n${periodStart},USERS,,,77,7\n`);

  /** The file uploaded through the API by the centre's operator (requestFileUpload, POST, confirm). */
  async function uploaded(reportId: string, body: Buffer): Promise<string> {
    const requested = await done(
      "requestFileUpload",
      {
        purpose: "REPORT",
        reportId,
        fileName: "значения.csv",
        contentType: "text/csv",
        size: body.length,
        sha256: createHash("sha256").update(body).digest("hex"),
      },
      demo.OPERATOR,
      "file { id version } upload { url fields { name value } }",
    );
    const { file, upload } = requested as unknown as {
      file: { id: string };
      upload: { url: string; fields: { name: string; value: string }[] };
    };
    const form = new FormData();
    for (const field of upload.fields) form.append(field.name, field.value);
    form.append("file", new Blob([new Uint8Array(body)], { type: "text/csv" }), "значения.csv");
    expect((await fetch(upload.url, { method: "POST", body: form })).status).toBeLessThan(300);
    await done("confirmFileUpload", { fileId: file.id }, demo.OPERATOR, "id version");
    return file.id;
  }

  type Act = "creates" | "fills in (setReportValues)" | "imports CSV content" | "imports an uploaded file" | "submits";
  const ACTS: readonly Act[] = [
    "creates",
    "fills in (setReportValues)",
    "imports CSV content",
    "imports an uploaded file",
    "submits",
  ];

  for (const author of AUTHORS)
    for (const act of ACTS)
      for (const approver of APPROVERS)
        it(`a report: the ${author} who ${act} is refused approving and publishing it; ${approver} approves`, async () => {
          const by = (mine: boolean) => (mine ? demo[author] : demo.OPERATOR);
          const n = period++;
          const periodStart = `${2071 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}-01`;
          const report = await done("createReport", { formId, centreId, periodStart }, by(act === "creates"));
          const id = report.id;
          if (act === "imports CSV content") {
            const content = csv(periodStart).toString("base64");
            await done(
              "importReportValues",
              { reportId: id, version: await versionOf(id), format: "CSV", content },
              demo[author],
              "id status",
            );
          } else if (act === "imports an uploaded file") {
            const fileId = await uploaded(id, csv(periodStart));
            await done(
              "importReportValues",
              { reportId: id, version: await versionOf(id), format: "CSV", fileId },
              demo[author],
              "id status",
            );
          } else {
            const values = [{ indicatorCode: "USERS", total: 77, rural: 7 }];
            const filler = by(act === "fills in (setReportValues)");
            await done("setReportValues", { id, version: await versionOf(id), values }, filler);
          }
          const submitted = await done("submitReport", { id, version: await versionOf(id) }, by(act === "submits"));

          expect(await canApprove(id, demo[author])).toBe(false);
          expect(await canApprove(id, approverFor(author, approver))).toBe(true);
          for (const published of [true, false]) {
            const refused = await call("approveReport", { id, version: submitted.version, published }, demo[author]);
            expect(refused.__typename).toBe("ForbiddenError");
            expect(refused.message).toMatch(/cannot approve or publish it.*Another curator .* or an administrator/);
          }
          const row = await prisma.report.findUniqueOrThrow({ where: { id: fromGlobalId("Report", id) } });
          expect(row).toMatchObject({
            status: "SUBMITTED",
            published: false,
            approvedAt: null,
            version: submitted.version,
          });

          const approved = await done(
            "approveReport",
            { id, version: submitted.version, published: true },
            approverFor(author, approver),
            "id version status published",
          );
          expect(approved).toMatchObject({ status: "APPROVED", published: true });
        });

  type StandardAct = "creates the draft" | "creates the draft as a copy of another revision" | "edits the draft";
  const STANDARD_ACTS: readonly StandardAct[] = [
    "creates the draft",
    "creates the draft as a copy of another revision",
    "edits the draft",
  ];
  const TARGETS = [
    { indicatorCode: "WAIT_MINUTES", name: "Ожидание", unit: "мин", direction: "AT_MOST", threshold: 15 },
  ];

  for (const author of AUTHORS)
    for (const act of STANDARD_ACTS)
      for (const approver of APPROVERS)
        it(`a quality standard: the ${author} who ${act} is refused approving it; ${approver} approves`, async () => {
          const smolensk = await prisma.region.findUniqueOrThrow({ where: { code: "67" } });
          const service = await prisma.service.create({
            data: { name: `Четыре глаза ${randomUUID()}`, level: "REGIONAL", regionId: smolensk.id },
          });
          const serviceId = toGlobalId("Service", service.id);
          const create = (headers: Headers, extra: object = {}) =>
            done("createQualityStandardDraft", { serviceId, title: "Стандарт", targets: TARGETS, ...extra }, headers);
          let standard: { id: string; version: number };
          if (act === "creates the draft") standard = await create(demo[author]);
          else if (act === "edits the draft") {
            const created = await create(drafter.headers);
            const input = { id: created.id, version: created.version, title: "Исправленный стандарт" };
            standard = await done("updateQualityStandardDraft", input, demo[author]);
          } else {
            const source = await create(drafter.headers);
            standard = await done(
              "createQualityStandardDraft",
              { serviceId, title: "Новая редакция", copyFrom: source.id },
              demo[author],
            );
          }

          expect(await canApprove(standard.id, demo[author])).toBe(false);
          expect(await canApprove(standard.id, approverFor(author, approver))).toBe(true);
          const refused = await call("approveQualityStandard", standard, demo[author]);
          expect(refused.__typename).toBe("ForbiddenError");
          expect(refused.message).toMatch(/^You created or edited this draft, so you cannot approve it/);
          const row = await prisma.qualityStandard.findUniqueOrThrow({
            where: { id: fromGlobalId("QualityStandard", standard.id) },
          });
          expect(row).toMatchObject({ status: "DRAFT", approvedById: null, version: standard.version });

          const approved = await done(
            "approveQualityStandard",
            standard,
            approverFor(author, approver),
            "id version status",
          );
          expect(approved.status).toBe("APPROVED");
        });
});
