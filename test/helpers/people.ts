// What the people, curator assignment and project tests share: the operations and their
// answers, the identities and regions they run as, and fixtures that make the rows a test
// changes (every test makes its own).
import { randomBytes } from "node:crypto";
import { hashApiKey } from "../../api/lib/auth.js";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { asUser, mutate, ok, useIdentity } from "./graphql.js";

// ── Operations ──

export const PERSON = `id fullName lastName firstName middleName email phone position photoConsent photoConsentAt photoUrl archivedAt version
  region { code } organisation { name }`;

export const ASSIGNMENT = `id role targetType validFrom validTo active primary note version
  person { id fullName } region { code } service { id name } centre { id } project { id }`;

export interface PersonData {
  id: string;
  fullName: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  email: string | null;
  phone: string | null;
  position: string | null;
  photoConsent: boolean;
  photoConsentAt: string | null;
  photoUrl: string | null;
  archivedAt: string | null;
  version: number;
  region: { code: string };
  organisation: { name: string } | null;
}

export interface AssignmentData {
  id: string;
  role: string;
  targetType: string;
  validFrom: string;
  validTo: string | null;
  active: boolean;
  primary: boolean;
  note: string | null;
  version: number;
  person: { id: string; fullName: string };
  region: { code: string };
  service: { id: string; name: string } | null;
  centre: { id: string } | null;
  project: { id: string } | null;
}

export const PEOPLE = `query People($first: Int, $after: String, $filter: PersonFilter, $orderBy: PersonOrderBy) {
  people(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id fullName } }
  }
}`;

export interface PeoplePage {
  people: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; fullName: string } }[];
  };
}

export const ASSIGNMENTS = `query A($first: Int, $filter: CuratorAssignmentFilter, $orderBy: CuratorAssignmentOrderBy) {
  curatorAssignments(first: $first, filter: $filter, orderBy: $orderBy) { totalCount edges { node { ${ASSIGNMENT} } } }
}`;

export interface AssignmentsPage {
  curatorAssignments: { totalCount: number; edges: { node: AssignmentData }[] };
}

export const NODE_PERSON = `query N($id: ID!) { node(id: $id) { id ... on Person { fullName email photoUrl } } }`;

// ── Fixtures ──

type Headers = Record<string, string>;
export interface Region {
  id: string;
  gid: string;
}

/** Tells this test file's rows apart from those of earlier runs and other files. */
export const run = randomBytes(3).toString("hex");
let counter = 0;
let admin: Headers = {};

async function region(code: string): Promise<Region> {
  const row = await prisma.region.findUniqueOrThrow({ where: { code } });
  return { id: row.id, gid: toGlobalId("Region", row.id) };
}

export interface PeopleFixtures {
  curator: Headers;
  auditor: Headers;
  partner: Headers;
  smolensk: Region;
  pskov: Region;
  udmurtia: Region;
}

/**
 * The identities a test file runs as (the administrator by default) and the regions it uses:
 * Smolensk and Udmurtia are the demo curator's, Pskov is not. Call it in the file's beforeAll.
 */
export async function peopleFixtures(): Promise<PeopleFixtures> {
  admin = await asUser("admin@dostup.local");
  const curator = await asUser("curator@dostup.local");
  const auditor = await asUser("auditor@dostup.local");
  const key = `dsp_people_${randomBytes(16).toString("hex")}`;
  await prisma.apiClient.create({
    data: {
      name: `people test ${run}`,
      keyPrefix: key.slice(0, 18),
      keyHash: hashApiKey(key),
      scopes: ["registry:read", "statistics:read"],
    },
  });
  // An empty Authorization overrides the file's default identity, so the key is used.
  const partner = { authorization: "", "x-api-key": key };
  useIdentity(admin);
  const [smolensk, pskov, udmurtia] = await Promise.all([region("67"), region("60"), region("18")]);
  return { curator, auditor, partner, smolensk, pskov, udmurtia };
}

/** A person created through the API by the administrator. */
export async function newPerson(regionGid: string, extra: Record<string, unknown> = {}): Promise<PersonData> {
  counter += 1;
  return ok<PersonData>(
    "createPerson",
    PERSON,
    { regionId: regionGid, lastName: `Тестова${run}`, firstName: `Анна${counter}`, middleName: "Петровна", ...extra },
    { headers: admin },
  );
}

/** A regional service of its own, so no other test's curators are in the way. */
export async function newService(regionId: string | null): Promise<string> {
  counter += 1;
  const service = await prisma.service.create({
    data: { name: `Тестовая услуга ${run}-${counter}`, level: regionId ? "REGIONAL" : "FEDERAL", regionId },
  });
  return toGlobalId("Service", service.id);
}

/** A primary service curator unless the input says otherwise. */
export function assign(input: Record<string, unknown>, headers: Headers = {}) {
  return mutate<AssignmentData>(
    "assignCurator",
    ASSIGNMENT,
    { role: "SERVICE_CURATOR", targetType: "SERVICE", primary: true, ...input },
    { headers },
  );
}

/** The database id inside a global id. */
export const localId = (gid: string) => Buffer.from(gid, "base64").toString().split(":")[1] ?? "";
