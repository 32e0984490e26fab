// What the quality tests share: a standard's operations and answer, two targets, drafts made
// through the API, the stored row to compare before and after, and the identities they run as.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { asUser, mutate, type Outcome, ok, useIdentity } from "./graphql.js";
import { partnerKey } from "./partners.js";
import { newUser, type TestUser } from "./users.js";

export interface Target {
  indicatorCode: string;
  name: string;
  unit: string;
  direction: string;
  threshold: number;
}

export interface Standard {
  id: string;
  revision: number;
  title: string;
  status: string;
  validFrom: string | null;
  approvedAt: string | null;
  approvedByName: string | null;
  supersededAt: string | null;
  version: number;
  targets: Target[];
}

export const STANDARD = `id revision title status validFrom approvedAt approvedByName supersededAt version
  targets { indicatorCode name unit direction threshold }`;

export const CREATE = "createQualityStandardDraft";
export const UPDATE = "updateQualityStandardDraft";
export const APPROVE = "approveQualityStandard";

export const LIST = `query List($filter: QualityStandardFilter, $orderBy: QualityStandardOrderBy) {
  qualityStandards(first: 20, filter: $filter, orderBy: $orderBy) { totalCount edges { node { ${STANDARD} } } }
}`;
export const NODE = `query One($id: ID!) { node(id: $id) { ... on QualityStandard { ${STANDARD} } } }`;

export const WAIT: Target = {
  indicatorCode: "WAIT_MINUTES",
  name: "Время ожидания",
  unit: "мин",
  direction: "AT_MOST",
  threshold: 15,
};
export const SATISFACTION: Target = {
  indicatorCode: "SATISFACTION_PCT",
  name: "Удовлетворённость",
  unit: "%",
  direction: "AT_LEAST",
  threshold: 90,
};

export type Headers = Record<string, string>;

/** A mutation's answer, its success or a typed error; a GraphQL error fails the test. */
export async function answered<T>(
  name: string,
  selection: string,
  input: Record<string, unknown>,
  headers: Headers = {},
): Promise<Outcome<T>> {
  const { outcome, response } = await mutate<T>(name, selection, input, { headers });
  expect(response.errors).toBeUndefined();
  if (!outcome) throw new Error("no result");
  return outcome;
}

/** A standard's mutation (CREATE, UPDATE, APPROVE) as `headers`, or the file's identity. */
export const attempt = (name: string, input: Record<string, unknown>, headers: Headers = {}) =>
  answered<Standard>(name, STANDARD, input, headers);

/** A draft with both targets unless told otherwise. */
export function draft(serviceId: string, extra: Record<string, unknown> = {}, headers: Headers = {}) {
  return ok<Standard>(
    CREATE,
    STANDARD,
    { serviceId, title: "Стандарт", targets: [WAIT, SATISFACTION], ...extra },
    { headers },
  );
}

/** Edits a draft as `headers`, or the file's identity; anything but success fails the test. */
export const edit = (input: Record<string, unknown>, headers: Headers = {}) =>
  ok<Standard>(UPDATE, STANDARD, input, { headers });

/** Approves a standard as `headers`; anything but success fails the test. */
export const approve = (standard: { id: string; version: number }, headers: Headers) =>
  ok<Standard>(APPROVE, STANDARD, { id: standard.id, version: standard.version }, { headers });

/** The stored standard with its targets, to compare before and after a refused change. */
export async function stored(globalId: string) {
  const id = Buffer.from(globalId, "base64").toString().split(":")[1] ?? "";
  return prisma.qualityStandard.findUniqueOrThrow({
    where: { id },
    include: { targets: { orderBy: { indicatorCode: "asc" } } },
  });
}

/** A fresh service per test that needs one: regional of Smolensk by default, federal for null. */
export async function newService(regionCode: string | null = "67"): Promise<string> {
  const region = regionCode ? await prisma.region.findUniqueOrThrow({ where: { code: regionCode } }) : null;
  const service = await prisma.service.create({
    data: {
      name: `Тестовая услуга ${randomUUID()}`,
      level: region ? "REGIONAL" : "FEDERAL",
      regionId: region?.id ?? null,
    },
  });
  return toGlobalId("Service", service.id);
}

export interface QualityFixtures {
  admin: Headers;
  curator: Headers;
  auditor: Headers;
  partner: Headers;
  /** A second curator of Smolensk: approves what the demo curator drafted (four eyes). */
  colleague: TestUser;
  smolensk: { id: string };
}

/** The demo curator (Smolensk) is the file's identity. Call it in the file's beforeAll. */
export async function qualityFixtures(): Promise<QualityFixtures> {
  const admin = await asUser("admin@dostup.local");
  const curator = await asUser("curator@dostup.local");
  const auditor = await asUser("auditor@dostup.local");
  useIdentity(curator);
  const colleague = await newUser("CURATOR", ["67"]);
  const smolensk = await prisma.region.findUniqueOrThrow({ where: { code: "67" } });
  // An empty Authorization overrides the file's default identity, so the key is what counts.
  const partner = { authorization: "", ...(await partnerKey({ name: "Quality test partner" })).headers };
  return { admin, curator, auditor, partner, colleague, smolensk };
}
