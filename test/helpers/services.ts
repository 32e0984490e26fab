// What the service catalogue tests share: the list query and its answer, the identities and
// regions they run as (the administrator by default), a partner key, and a unique word that
// finds a test's own rows.
import { randomBytes } from "node:crypto";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { asUser, useIdentity } from "./graphql.js";
import { partnerKey } from "./partners.js";

export interface ServiceNode {
  id: string;
  name: string;
  level: string;
  status: string;
  version: number;
  fee: string | null;
  region: { code: string } | null;
}

export interface Page {
  services: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: ServiceNode }[];
  };
}

export const FIELDS = "id name level status version fee region { code }";

export const PAGE = `query Page($first: Int, $after: String, $filter: ServiceFilter, $orderBy: CatalogueOrderBy) {
  services(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ${FIELDS} } }
  }
}`;

type Headers = Record<string, string>;
type Region = { id: string; global: string };

/** The demo curator (Smolensk and Udmurtia) and the regions the tests use; the administrator by default. */
export async function servicesFixtures(): Promise<{
  curator: Headers;
  regions: Record<"smolensk" | "udmurtia" | "pskov", Region>;
}> {
  useIdentity(await asUser("admin@dostup.local"));
  const curator = await asUser("curator@dostup.local");
  const region = async (code: string) => {
    const row = await prisma.region.findUniqueOrThrow({ where: { code } });
    return { id: row.id, global: toGlobalId("Region", row.id) };
  };
  return {
    curator,
    regions: { smolensk: await region("67"), udmurtia: await region("18"), pskov: await region("60") },
  };
}

/** A new partner key's headers; the empty Authorization keeps the file's identity off the request. */
export async function partnerHeaders(): Promise<Headers> {
  return { authorization: "", ...(await partnerKey({ name: "Services test partner" })).headers };
}

/** A unique word, so a test's own rows can be found by search whatever else is in the database. */
export const tag = () => `svc${randomBytes(4).toString("hex")}`;
