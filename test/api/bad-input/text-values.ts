// Text no form should let through or must take literally: NUL bytes, lone surrogates and
// 10,000-character strings, search wildcards that must match literally, and hostile file names
// (dates and numbers are in values.ts).
import { createHash } from "node:crypto";
import { prisma } from "../../../api/lib/db.js";
import { fromGlobalId } from "../../../api/lib/ids.js";
import type { Fixtures } from "./fixtures.js";
import {
  answered,
  type Case,
  changedTables,
  either,
  empty,
  mutation,
  post,
  quickFingerprint,
  type Reply,
  refused,
  rejected,
  union,
} from "./harness.js";

const NUL = "a\u0000b";
const HIGH = "a\uD800b";
const LOW = "a\uDC00b";
const LONG = "Щ".repeat(10_000);

const SEARCHES: Record<string, string> = {
  centres: "Centre",
  people: "Person",
  regions: "Region",
  services: "Service",
  organisations: "Organisation",
  municipalities: "Municipality",
  feedback: "Feedback",
  lifeSituations: "LifeSituation",
};

function stringCases(f: Fixtures): Case[] {
  const cases: Case[] = [];
  const strings: Record<string, string> = {
    "a NUL byte": NUL,
    "a lone high surrogate": HIGH,
    "a lone low surrogate": LOW,
    "10,000 characters": LONG,
  };
  for (const [list] of Object.entries(SEARCHES))
    for (const [label, value] of Object.entries(strings))
      cases.push({
        name: `string: ${label} in ${list}(filter.search)`,
        run: () =>
          post(
            `query S($s: String) { ${list}(first: 5, filter: { search: $s }) { totalCount edges { cursor } } }`,
            { s: value },
            f.admin,
          ),
        expect: either(refused("BAD_USER_INPUT"), empty(list)),
      });
  // The same through GraphQL string literals (escapes the lexer decodes).
  for (const [label, literal] of Object.entries({ NUL: "a\\u0000b", "a lone surrogate": "a\\uD800b" }))
    cases.push({
      name: `string: ${label} as a literal escape in centres(filter.search)`,
      run: () => post(`{ centres(first: 5, filter: { search: "${literal}" }) { totalCount } }`, {}, f.admin),
      expect: either(refused("BAD_USER_INPUT", "GRAPHQL_PARSE_FAILED"), empty("centres")),
    });
  const writes: Record<string, (value: string) => Promise<Reply>> = {
    "updateCentre.name": (value) =>
      mutation("updateCentre", "UpdateCentreInput")(
        { id: f.curatorCentre.id, version: f.curatorCentre.version, name: value },
        f.curator,
      ),
    "updateCentre.address": (value) =>
      mutation("updateCentre", "UpdateCentreInput")(
        { id: f.curatorCentre.id, version: f.curatorCentre.version, address: value },
        f.curator,
      ),
    "updatePerson.lastName": (value) =>
      mutation("updatePerson", "UpdatePersonInput")(
        { id: f.curatorPerson.id, version: f.curatorPerson.version, lastName: value },
        f.curator,
      ),
    "submitFeedback.text": (value) =>
      mutation("submitFeedback", "SubmitFeedbackInput")(
        {
          categoryId: f.feedbackCategoryId,
          subjectType: "CENTRE",
          centreId: f.curatorCentre.id,
          text: value === LONG ? `${LONG}Щ` : value,
        },
        f.curator,
      ),
    "login.email": (value) =>
      post('mutation L($e: String!) { login(input: { email: $e, password: "dostup" }) { __typename } }', { e: value }),
  };
  for (const [target, run] of Object.entries(writes))
    for (const [label, value] of Object.entries(strings))
      cases.push({
        name: `string: ${label} in ${target}${target === "submitFeedback.text" && value === LONG ? " (10,001)" : ""}`,
        run: () => run(value),
        expect: target.startsWith("login")
          ? either(refused("BAD_USER_INPUT"), union("login", "ValidationError", "InvalidCredentialsError"))
          : rejected(target.slice(0, target.indexOf("."))),
        write: true,
      });
  return cases;
}

const WILDCARDS = ["%", "_", "%%", "_%_", "\\", "\\%", "a%b", "%_%", "'", "*", "[а-я]", ".*"];

function wildcardCases(f: Fixtures): Case[] {
  const cases: Case[] = [];
  for (const [list, table] of Object.entries(SEARCHES))
    for (const text of WILDCARDS)
      cases.push({
        name: `search: ${JSON.stringify(text)} in ${list} matches literally`,
        run: () =>
          post(
            `query S($s: String) { ${list}(first: 100, filter: { search: $s }) { totalCount } }`,
            { s: text },
            f.admin,
          ),
        expect: answered(list, (v) => typeof (v as { totalCount?: unknown })?.totalCount === "number"),
        // At most the rows holding the text anywhere; a wildcard read as a pattern would
        // match (nearly) every row instead.
        check: async (reply) => {
          const got = (reply.body?.data?.[list] as { totalCount: number } | undefined)?.totalCount ?? 0;
          const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM "${table}" x WHERE strpos(lower(x::text), lower($1)) > 0`,
            text,
          );
          const bound = row?.n ?? 0;
          return got <= bound ? null : `${got} rows found, but only ${bound} rows hold ${JSON.stringify(text)} at all`;
        },
      });
  return cases;
}

function fileNameCases(f: Fixtures): Case[] {
  const cases: Case[] = [];
  const reportUuid = fromGlobalId("Report", f.draftReport.id);
  const request = (fileName: string) =>
    post(
      `mutation R($input: RequestFileUploadInput!) { requestFileUpload(input: $input) { __typename
        ... on MutationRequestFileUploadSuccess { data { file { id name } upload { fields { name value } } } }
        ... on ValidationError { issues { field message } } } }`,
      {
        input: {
          purpose: "REPORT",
          reportId: f.draftReport.id,
          fileName,
          contentType: "application/pdf",
          size: 10,
          sha256: createHash("sha256").update(fileName).digest("hex"),
        },
      },
      f.operator,
    );
  // Accepted: stored under a server-made key, the name made harmless. The one PENDING row
  // (and its history entry) is what the request is for; the case removes both afterwards
  // and checks that nothing else changed.
  const accepted: Record<string, string> = {
    Cyrillic: "Отчёт ЦОД за 2026 год.pdf",
    "NFD (decomposed й and ё)": "Отчет за май и\u0306 ее\u0308.pdf",
    "right-to-left override": "report\u202Efdp.exe.pdf",
    "Arabic and Hebrew": "تقرير דוח.pdf",
    "../ in the name": "../../files/report/x.pdf",
    "..\\ in the name": "..\\..\\etc\\passwd.pdf",
    "a URL-encoded ../": "%2e%2e%2fetc%2fpasswd.pdf",
    "pending/ as the name": "pending/report/00000000-0000-0000-0000-000000000000/x.pdf",
    "zero-width and bidi marks": "\u200Bотчёт\u200F\u2066.pdf",
    emoji: "📄 отчёт 🇷🇺.pdf",
  };
  for (const [label, name] of Object.entries(accepted))
    cases.push({
      name: `file name: ${label}`,
      run: async () => {
        const before = await quickFingerprint();
        const reply = await request(name);
        const outcome = reply.body?.data?.requestFileUpload as
          | { __typename: string; data?: { file: { id: string; name: string } } }
          | undefined;
        const id = outcome?.data?.file.id;
        if (id) {
          const uuid = fromGlobalId("StoredFile", id);
          const row = await prisma.storedFile.findUniqueOrThrow({ where: { id: uuid } });
          const changed = changedTables(before, await quickFingerprint());
          await prisma.changeLog.deleteMany({ where: { entityId: uuid } });
          await prisma.storedFile.delete({ where: { id: uuid } });
          (reply as Reply & { stored?: unknown }).stored = { key: row.key, name: row.name, uuid, changed };
        }
        return reply;
      },
      expect: union("requestFileUpload", "MutationRequestFileUploadSuccess"),
      check: async (reply) => {
        const stored = (reply as Reply & { stored?: { key: string; name: string; uuid: string; changed: string[] } })
          .stored;
        if (!stored) return "no file row was made";
        if (stored.key !== `pending/report/${reportUuid}/${stored.uuid}`) return `key ${stored.key} is not server-made`;
        if (/[/\\\u202E\u2066\u200F]/.test(stored.name) || stored.name.includes("\u0000"))
          return `stored name ${JSON.stringify(stored.name)} keeps a separator or control`;
        if (stored.name !== stored.name.normalize("NFC"))
          return `stored name ${JSON.stringify(stored.name)} is not NFC`;
        const other = stored.changed.filter((t) => !/^(StoredFile|ChangeLog) \(\d+ → \d+ rows\)$/.test(t));
        return other.length > 0 ? `also changed ${other.join(", ")}` : null;
      },
      write: true,
    });
  const refusedNames: Record<string, string> = {
    empty: "",
    "only spaces": "   ",
    "only dots": "..",
    "a NUL byte in the name": "report.pdf\u0000.exe",
    "only controls": "\u0000\u202E\u200B",
    "4,097 characters": `${"я".repeat(4093)}.pdf`,
    // The name must say what the file is: no extension, or another kind's, is refused.
    "only a separator (it becomes _, without an extension)": "/",
    "an executable behind a right-to-left override": "report\u202Efdp.exe",
    "a double extension ending in .exe": "Отчёт за май.pdf.exe",
    "HTML declared as a PDF": "evil.html",
  };
  for (const [label, name] of Object.entries(refusedNames))
    cases.push({
      name: `file name: ${label} is refused`,
      run: () => request(name),
      expect: either(refused("BAD_USER_INPUT"), union("requestFileUpload", "ValidationError")),
      write: true,
    });
  // Ids that smuggle a path: decoded ids must be UUIDs, whatever they say.
  for (const [label, raw] of Object.entries({
    "Report:../../etc": "Report:../../etc",
    "Report:<uuid>/../x": `Report:${reportUuid}/../x`,
    "StoredFile:..": "StoredFile:..",
  }))
    cases.push({
      name: `file key: reportId ${label}`,
      run: () =>
        mutation("requestFileUpload", "RequestFileUploadInput")(
          {
            purpose: "REPORT",
            reportId: Buffer.from(raw).toString("base64"),
            fileName: "a.pdf",
            contentType: "application/pdf",
            size: 10,
            sha256: "b".repeat(64),
          },
          f.operator,
        ),
      expect: rejected("requestFileUpload"),
      write: true,
    });
  for (const raw of ["StoredFile:../../etc/passwd", `StoredFile:${reportUuid}/..`])
    cases.push({
      name: `file key: confirmFileUpload of ${raw.slice(0, 24)}`,
      run: () =>
        mutation("confirmFileUpload", "ConfirmFileUploadInput")(
          { fileId: Buffer.from(raw).toString("base64") },
          f.operator,
        ),
      expect: rejected("confirmFileUpload"),
      write: true,
    });
  return cases;
}

export function textValueCases(f: Fixtures): Record<string, Case[]> {
  return {
    "NUL bytes, lone surrogates and 10,000-character strings": stringCases(f),
    "% and _ in searches": wildcardCases(f),
    "file names and keys": fileNameCases(f),
  };
}
