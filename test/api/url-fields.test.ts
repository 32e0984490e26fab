// Every URL field takes http(s) addresses only: centres' and organisations' websites and
// services' portal pages become links in the panel and in partner apps, where `javascript:`,
// `data:` or `vbscript:` would run in whoever clicks them. Addresses stored before the check
// are never served.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql, mutate, type Outcome } from "../helpers/graphql.js";
import { partnerKey } from "../helpers/partners.js";

/** Addresses a browser would run, open elsewhere than the web, or that name no host. */
const REFUSED = [
  "javascript:alert(document.cookie)",
  "JavaScript:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "javascript://example.org/%0Aalert(1)",
  "data:text/html,<script>alert(1)</script>",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "ftp://example.org/file",
  "https:example.org",
  "//example.org",
  "https://",
  "https:///path",
  "https://exa mple.org",
  "https://example.org/a\u0007b",
  "example.org",
];
const ACCEPTED = ["https://library.example.ru/", "http://example.org/путь?q=1#часть", "HTTPS://EXAMPLE.ORG"];

/** A record as a mutation answers it, its URL field as `url`. */
type Saved = { id: string; version: number; url: string | null };

let curator: Record<string, string>;
let partner: Record<string, string>;
let smolensk: { regionId: string; settlementId: string; hostId: string };

beforeAll(async () => {
  curator = await asUser("curator@dostup.local");
  partner = (await partnerKey({ name: "Партнёр (адреса)" })).headers;
  const region = await prisma.region.findUniqueOrThrow({ where: { code: "67" } });
  const settlement = await prisma.settlement.findFirstOrThrow({ where: { municipality: { regionId: region.id } } });
  const host = await prisma.organisation.findFirstOrThrow({ where: { regionId: region.id } });
  smolensk = {
    regionId: toGlobalId("Region", region.id),
    settlementId: toGlobalId("Settlement", settlement.id),
    hostId: toGlobalId("Organisation", host.id),
  };
});

/** One URL field: how to create and update a record with it, and where it is stored. */
interface UrlField {
  type: "Centre" | "Organisation" | "Service";
  field: "website" | "portalUrl";
  create(url: string | null, name: string): Promise<Outcome<Saved>>;
  update(id: string, version: number, url: string): Promise<Outcome<Saved>>;
  stored(name: string): Promise<{ id: string; url: string | null; version: number } | null>;
  /** Writes a value straight to the database, as a row stored before the check would hold it. */
  storeRaw(id: string, url: string): Promise<void>;
}

/** A create or update as the curator, asking for the URL field as `url`. */
async function save(name: string, field: string, input: object): Promise<Outcome<Saved>> {
  const { outcome, response } = await mutate<Saved>(name, `id version url: ${field}`, input, { headers: curator });
  expect(response.errors, name).toBeUndefined();
  return outcome as Outcome<Saved>;
}

const FIELDS: UrlField[] = [
  {
    type: "Centre",
    field: "website",
    create: (url, name) =>
      save("createCentre", "website", {
        name,
        address: "ул. Ленина, 1",
        kinds: ["PUBLIC_ACCESS"],
        settlementId: smolensk.settlementId,
        hostOrganisationId: smolensk.hostId,
        ...(url === null ? {} : { website: url }),
      }),
    update: (id, version, url) => save("updateCentre", "website", { id, version, website: url }),
    stored: async (name) => {
      const row = await prisma.centre.findFirst({ where: { name } });
      return row && { id: row.id, url: row.website, version: row.version };
    },
    storeRaw: async (id, url) => void (await prisma.centre.update({ where: { id }, data: { website: url } })),
  },
  {
    type: "Organisation",
    field: "website",
    create: (url, name) =>
      save("createOrganisation", "website", {
        regionId: smolensk.regionId,
        name,
        kind: "LIBRARY",
        ...(url === null ? {} : { website: url }),
      }),
    update: (id, version, url) => save("updateOrganisation", "website", { id, version, website: url }),
    stored: async (name) => {
      const row = await prisma.organisation.findFirst({ where: { name } });
      return row && { id: row.id, url: row.website, version: row.version };
    },
    storeRaw: async (id, url) => void (await prisma.organisation.update({ where: { id }, data: { website: url } })),
  },
  {
    type: "Service",
    field: "portalUrl",
    create: (url, name) =>
      save("createService", "portalUrl", {
        name,
        level: "REGIONAL",
        regionId: smolensk.regionId,
        ...(url === null ? {} : { portalUrl: url }),
      }),
    update: (id, version, url) => save("updateService", "portalUrl", { id, version, portalUrl: url }),
    stored: async (name) => {
      const row = await prisma.service.findFirst({ where: { name } });
      return row && { id: row.id, url: row.portalUrl, version: row.version };
    },
    storeRaw: async (id, url) => void (await prisma.service.update({ where: { id }, data: { portalUrl: url } })),
  },
];

describe.each(FIELDS)("$type.$field", (subject) => {
  const tag = () => `${subject.type} ${randomUUID().slice(0, 8)}`;

  it("refuses every address that is not http(s) on create, naming the field, and creates nothing", async () => {
    for (const url of REFUSED) {
      const name = `Адрес ${tag()}`;
      const outcome = await subject.create(url, name);
      expect(outcome.__typename, JSON.stringify(url)).toBe("ValidationError");
      expect(outcome.issues, JSON.stringify(url)).toEqual([
        { field: `input.${subject.field}`, message: "Enter a full address starting with https:// (or http://)." },
      ]);
      expect(await subject.stored(name), JSON.stringify(url)).toBeNull();
    }
  });

  it("refuses them on update and keeps the stored address and version", async () => {
    const name = `Адрес ${tag()}`;
    const created = await subject.create("https://example.org/", name);
    expect(created.__typename).toMatch(/Success$/);
    const id = created.data?.id ?? "";
    for (const url of REFUSED) {
      const outcome = await subject.update(id, 1, url);
      expect(outcome.__typename, JSON.stringify(url)).toBe("ValidationError");
      expect(outcome.issues?.map((issue) => issue.field)).toEqual([`input.${subject.field}`]);
    }
    expect(await subject.stored(name)).toMatchObject({ url: "https://example.org/", version: 1 });
    expect(await prisma.changeLog.count({ where: { entityId: (await subject.stored(name))?.id } })).toBe(1);
  });

  it("accepts http(s) addresses on create and update", async () => {
    for (const url of ACCEPTED) {
      const name = `Адрес ${tag()}`;
      const created = await subject.create(url, name);
      expect(created.__typename, url).toMatch(/Success$/);
      expect(created.data?.url).toBe(url);
      const updated = await subject.update(created.data?.id ?? "", 1, `${url.replace(/\/?$/, "")}/2`);
      expect(updated.__typename, url).toMatch(/Success$/);
      expect((await subject.stored(name))?.url).toBe(`${url.replace(/\/?$/, "")}/2`);
    }
  });

  it("never serves an address stored before the check, to partners or staff", async () => {
    const name = `Адрес ${tag()}`;
    const created = await subject.create("https://example.org/", name);
    const stored = await subject.stored(name);
    await subject.storeRaw(stored?.id ?? "", "javascript:alert(document.cookie)");
    const query = `query N($id: ID!) { node(id: $id) { ... on ${subject.type} { url: ${subject.field} } } }`;
    for (const headers of [partner, curator]) {
      const result = await gql<{ node: { url: string | null } | null }>(query, { id: created.data?.id }, headers);
      expect(result.errors).toBeUndefined();
      expect(result.data?.node).toEqual({ url: null });
    }
  });
});

describe("the centres CSV", () => {
  it("leaves out a website stored before the check", async () => {
    const name = `Центр со старым адресом ${randomUUID().slice(0, 8)}`;
    const created = await FIELDS[0]?.create("https://example.org/", name);
    const { id } = (await prisma.centre.findFirstOrThrow({ where: { name } })) ?? {};
    await prisma.centre.update({ where: { id }, data: { website: "data:text/html,<script>alert(1)</script>" } });
    const result = await gql<{ centresCsv: string }>(
      `query C($search: String!) { centresCsv(filter: { search: $search }) }`,
      { search: name },
      partner,
    );
    expect(result.errors).toBeUndefined();
    expect(created?.__typename).toBe("MutationCreateCentreSuccess");
    expect(result.data?.centresCsv).toContain(name);
    expect(result.data?.centresCsv).not.toMatch(/data:|script/);
  });
});
