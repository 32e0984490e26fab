// Every message a person reads has a code, English and Russian: the catalogue is complete and
// consistent, every code the API source names exists in it, no English sentence is left where a
// code belongs, and the API answers in Russian when asked (Accept-Language: ru).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { toGlobalId } from "../../api/lib/ids.js";
import { isMessageCode, languageOf, MESSAGES, placeholders } from "../../api/messages/index.js";
import { asUser, gql } from "../helpers/graphql.js";
import { partnerKey } from "../helpers/partners.js";

const ROOT = join(import.meta.dirname, "../..");
const CYRILLIC = /[А-Яа-яЁё]/;
/** Parameters that are English words (zod's own text, a description of a class of strings): Russian may leave them out. */
const ENGLISH_ONLY_PARAMS = new Set(["detail", "holds", "expected"]);

describe("the message catalogue", () => {
  const entries = Object.entries(MESSAGES) as [string, { en: string; ru: string }][];

  it("has codes in UPPER_SNAKE with English and Russian text each", () => {
    const bad = entries.filter(
      ([code, text]) =>
        !/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(code) ||
        text.en.trim() === "" ||
        text.ru.trim() === "" ||
        !CYRILLIC.test(text.ru),
    );
    expect(bad.map(([code]) => code)).toEqual([]);
  });

  it("defines each code once, in one part (a later part would silently replace an earlier one's text)", () => {
    const parts = join(ROOT, "api/messages/parts");
    const seen = new Map<string, string>();
    const twice: string[] = [];
    // entities.ts holds record kinds, not messages.
    for (const name of readdirSync(parts).filter((file) => file !== "entities.ts")) {
      for (const match of readFileSync(join(parts, name), "utf8").matchAll(/^ {2}([A-Z][A-Z0-9_]*): \{/gm)) {
        const code = match[1] ?? "";
        if (seen.has(code)) twice.push(`${code} in ${seen.get(code)} and ${name}`);
        seen.set(code, name);
      }
    }
    expect(seen.size).toBeGreaterThan(100);
    expect(twice).toEqual([]);
  });

  it("names the same {placeholders} in both languages", () => {
    const bad = entries.flatMap(([code, text]) => {
      const en = new Set(placeholders(text.en));
      const ru = new Set(placeholders(text.ru));
      const onlyRu = [...ru].filter((name) => !en.has(name));
      const onlyEn = [...en].filter((name) => !ru.has(name) && !ENGLISH_ONLY_PARAMS.has(name));
      return onlyRu.length + onlyEn.length > 0 ? [`${code}: en {${[...en]}} ru {${[...ru]}}`] : [];
    });
    expect(bad).toEqual([]);
  });

  it("reads the language of Accept-Language as a browser and a client send it", () => {
    expect(languageOf("ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7")).toBe("ru");
    expect(languageOf("en-US,en;q=0.9,ru;q=0.8")).toBe("en");
    expect(languageOf("de-DE, ru;q=0.5")).toBe("ru");
    expect(languageOf("*")).toBe("en");
    expect(languageOf(null)).toBe("en");
  });
});

// ── The API source: codes it names, and English left where a code belongs ──

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" || name === "messages" ? [] : sourceFiles(path);
    return path.endsWith(".ts") && !path.endsWith(".d.ts") ? [path] : [];
  });
}

/** Domain errors and GraphQL errors whose text a person reads. */
const ERROR_CLASSES =
  /^(ValidationError|ConflictError|ForbiddenError|NotFoundError|UserInputError|AuthenticationError|AccessDeniedError|GraphQLError)$/;
/** zod checks whose last argument is the message (ours: a code). */
const ZOD_CHECKS = new Set([
  "min",
  "max",
  "length",
  "regex",
  "int",
  "positive",
  "nonnegative",
  "negative",
  "nonpositive",
  "email",
  "url",
  "uuid",
  "refine",
  "multipleOf",
  "gt",
  "gte",
  "lt",
  "lte",
  "nonempty",
]);
const CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{4,}$/;
/** Words, a space, and a full stop or the like at the end: a sentence someone meant a person to read. */
const SENTENCE = /^[A-Z«"'`$][\s\S]*\s[\s\S]*[.!?»)]$/;

interface Site {
  file: string;
  line: number;
  text: string;
}

/** String (and template) literals in the places a message goes, across api/. */
function messageSites(): Site[] {
  const sites: Site[] = [];
  for (const path of sourceFiles(join(ROOT, "api"))) {
    const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
    const add = (node: ts.Node | undefined) => {
      if (!node) return;
      if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return add(node.expression);
      if (ts.isConditionalExpression(node)) {
        add(node.whenTrue);
        add(node.whenFalse);
        return;
      }
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
        const text = ts.isTemplateExpression(node) ? node.getText(source).slice(1, -1) : node.text;
        sites.push({
          file: relative(ROOT, path),
          line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
          text,
        });
      }
    };
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && ERROR_CLASSES.test(node.expression.getText(source))) {
        for (const arg of node.arguments ?? []) add(arg);
      }
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const name = node.expression.name.text;
        const target = node.expression.expression.getText(source);
        if (name === "of" && target === "ValidationError") node.arguments.slice(1).forEach(add);
        else if (ZOD_CHECKS.has(name) && target !== "Math" && node.arguments.length > 0)
          add(node.arguments[node.arguments.length - 1]);
      }
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
        const key = node.name.text;
        if (key === "message" || key === "error" || key === "messageCode") add(node.initializer);
        // A field problem ({ field, code }) names its code.
        if (
          key === "code" &&
          ts.isObjectLiteralExpression(node.parent) &&
          node.parent.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === "field")
        )
          add(node.initializer);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}

/** Codes the API answers with that are not errors' messages (extensions.code, zod's "custom"). */
const NOT_MESSAGES = new Set(["custom", "BAD_USER_INPUT", "UNSUPPORTED_MEDIA_TYPE", "S3_UNAVAILABLE_CODE"]);

describe("the API source", () => {
  const sites = messageSites();

  it("finds the places messages go (the scan itself works)", () => {
    expect(sites.some((site) => site.text === "TEXT_TOO_LONG" && site.file.endsWith("validate.ts"))).toBe(true);
    expect(sites.some((site) => site.text === "VERSION_CONFLICT")).toBe(true);
    expect(sites.some((site) => site.text === "COORDINATES_BOTH_OR_NEITHER")).toBe(true);
  });

  it("names only codes the catalogue has", () => {
    // Codes in typed places (`MessageCode` tables, errors' code arguments) are tsc's to check;
    // these are the strings it cannot see: zod messages and addIssue/refine objects.
    const unknown = sites
      .filter((site) => CODE.test(site.text) && !NOT_MESSAGES.has(site.text) && !isMessageCode(site.text))
      .filter((site) => !/^(INTERNAL_SERVER_ERROR|FORBIDDEN|UNAUTHENTICATED|RATE_LIMITED)$/.test(site.text))
      .map((site) => `${site.file}:${site.line} ${site.text}`);
    expect(unknown).toEqual([]);
  });

  it("leaves no English sentence where a code belongs", () => {
    const english = sites
      .filter((site) => SENTENCE.test(site.text) && !isMessageCode(site.text))
      .map((site) => `${site.file}:${site.line} ${site.text.slice(0, 80)}`);
    expect(english).toEqual([]);
  });
});

// ── End to end: the same requests in Russian and in English ──

async function ask(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  return gql(query, variables, headers);
}

const CREATE_KEY = `mutation M($input: CreateApiClientInput!) { createApiClient(input: $input) {
  __typename ... on Error { message code } ... on ValidationError { issues { field message code params { name value } } } } }`;
const REVOKE_KEY = `mutation M($input: VersionedInput!) { revokeApiClient(input: $input) {
  __typename ... on Error { message code params { name value } } } }`;

describe("answers in the caller's language", () => {
  it("gives a mutation's field issues in Russian with Accept-Language: ru, in English otherwise", async () => {
    const admin = await asUser("admin@dostup.local");
    const input = { name: "x".repeat(201), scopes: [] };
    const ru = await ask(CREATE_KEY, { input }, { ...admin, "accept-language": "ru-RU,ru;q=0.9" });
    const en = await ask(CREATE_KEY, { input }, { ...admin, "accept-language": "en" });
    const none = await ask(CREATE_KEY, { input }, admin);
    type Answer = { createApiClient: { issues: { field: string; message: string; code: string }[] } };
    const issues = (answer: typeof ru) => (answer.data as Answer | undefined)?.createApiClient.issues ?? [];
    expect(issues(ru)).toEqual([
      expect.objectContaining({ field: "input.name", code: "TEXT_TOO_LONG", message: "Не больше 200 символов." }),
      expect.objectContaining({ field: "input.scopes", message: "Выберите хотя бы одну область доступа." }),
    ]);
    expect(issues(en).map((issue) => issue.message)).toEqual(["At most 200 characters.", "Give at least one scope."]);
    expect(issues(none)).toEqual(issues(en));
  });

  it("says a record is not found in Russian, naming its kind", async () => {
    const admin = await asUser("admin@dostup.local");
    const input = { id: toGlobalId("ApiClient", crypto.randomUUID()), version: 1 };
    const ru = await ask(REVOKE_KEY, { input }, { ...admin, "accept-language": "ru" });
    const en = await ask(REVOKE_KEY, { input }, admin);
    expect(ru.data?.revokeApiClient).toMatchObject({
      __typename: "NotFoundError",
      code: "NOT_FOUND",
      message: "Не найдено (API-ключ): записи нет или она вне вашей области доступа.",
    });
    expect(en.data?.revokeApiClient).toMatchObject({
      message: "The API client does not exist or is outside your scope.",
    });
  });

  it("refuses a bad token in Russian while the context is built", async () => {
    const headers = { authorization: "Bearer not-a-token" };
    const ru = await ask("{ me { id } }", {}, { ...headers, "accept-language": "ru" });
    const en = await ask("{ me { id } }", {}, headers);
    expect(ru.errors?.[0]).toMatchObject({
      message: "Сеанс недействителен или истёк; войдите снова.",
      extensions: { code: "UNAUTHENTICATED", messageCode: "TOKEN_INVALID" },
    });
    expect(en.errors?.[0]?.message).toBe("The access token is not valid; sign in again.");
  });

  it("tells a partner key what scope it lacks, in Russian", async () => {
    const key = await partnerKey({ scopes: ["statistics:read"] });
    const query = "{ centres(first: 1) { totalCount } }";
    const ru = await ask(query, {}, { ...key.headers, "accept-language": "ru" });
    const en = await ask(query, {}, { ...key.headers, "accept-language": "en-GB" });
    expect(ru.errors?.[0]).toMatchObject({
      message: "У этого API-ключа нет области доступа registry:read.",
      extensions: { code: "FORBIDDEN", requiredScopes: ["registry:read"], messageCode: "MISSING_SCOPE" },
    });
    expect(en.errors?.[0]?.message).toBe("This API key does not have the scope registry:read.");
  });

  it("translates a scalar's refusal but keeps graphql-js's own words before it", async () => {
    const admin = await asUser("admin@dostup.local");
    const query = "query Q($d: Date!) { mobileOfficeActivity(input: { from: $d, to: $d }) { __typename } }";
    const ru = await ask(query, { d: "2024-02-30" }, { ...admin, "accept-language": "ru" });
    expect(ru.errors?.[0]?.message).toMatch(/^Variable "\$d" got invalid value .*Укажите существующую дату/);
    const en = await ask(query, { d: "2024-02-30" }, admin);
    expect(en.errors?.[0]?.message).toMatch(/Date must be a real calendar date as YYYY-MM-DD, got "2024-02-30"\.$/);
  });
});
