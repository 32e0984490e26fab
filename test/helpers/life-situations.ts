// What the life situation tests share: the list and node queries and their answer, the
// identities, regions and federal demo services they use (the administrator by default), and
// federal life situations made through the API.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql, ok, useIdentity } from "./graphql.js";

export interface Step {
  position: number;
  mandatory: boolean;
  service: { id: string; name: string };
}

export interface LifeSituationNode {
  id: string;
  code: string;
  name: string;
  kind: string;
  status: string;
  version: number;
  region: { code: string } | null;
  services: Step[];
}

export interface Page {
  lifeSituations: { totalCount: number; edges: { node: LifeSituationNode }[] };
}

export const FIELDS =
  "id code name kind status version region { code } services { position mandatory service { id name } }";

export const PAGE = `query Page($first: Int, $after: String, $filter: LifeSituationFilter, $orderBy: CatalogueOrderBy) {
  lifeSituations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { node { ${FIELDS} } }
  }
}`;

const NODE = `query N($id: ID!) { node(id: $id) { ... on LifeSituation { ${FIELDS} } } }`;

/** A life situation by its global id as `headers` (the file's identity by default), or null. */
export async function read(id: string, headers: Record<string, string> = {}) {
  const result = await gql<{ node: LifeSituationNode | null }>(NODE, { id }, headers);
  expect(result.errors).toBeUndefined();
  return result.data?.node ?? null;
}

/** A unique word for codes and names, so a test's own rows can be found. */
export const tag = () => randomBytes(4).toString("hex").toUpperCase();

type Region = { id: string; global: string };

export interface LifeSituationFixtures {
  curator: Record<string, string>;
  regions: Record<"smolensk" | "udmurtia" | "pskov", Region>;
  /** Global ids of federal demo services, by a short key. */
  federal: Record<"esia" | "passport" | "pension" | "egrn", string>;
}

/** The administrator is the file's identity. Call it in the file's beforeAll. */
export async function lifeSituationFixtures(): Promise<LifeSituationFixtures> {
  useIdentity(await asUser("admin@dostup.local"));
  const curator = await asUser("curator@dostup.local");
  const region = async (code: string) => {
    const row = await prisma.region.findUniqueOrThrow({ where: { code } });
    return { id: row.id, global: toGlobalId("Region", row.id) };
  };
  const regions = { smolensk: await region("67"), udmurtia: await region("18"), pskov: await region("60") };
  const service = async (startsWith: string) =>
    toGlobalId(
      "Service",
      (await prisma.service.findFirstOrThrow({ where: { level: "FEDERAL", name: { startsWith } } })).id,
    );
  const federal = {
    esia: await service("Регистрация и подтверждение учётной записи"),
    passport: await service("Выдача (замена) паспорта"),
    pension: await service("Назначение страховой пенсии"),
    egrn: await service("Предоставление сведений из Единого"),
  };
  return { curator, regions, federal };
}

/** A federal life situation of the test's own, created through the API. */
export async function createFederal(services: { serviceId: string; mandatory: boolean }[]) {
  const code = `TEST_${tag()}`;
  return ok<LifeSituationNode>("createLifeSituation", FIELDS, {
    code,
    name: `Проверка ${code}`,
    kind: "LIFE_EVENT",
    services,
  });
}
