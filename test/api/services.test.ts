import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../../api/lib/auth.js";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql as send } from "../helpers/graphql.js";
import { recordSql } from "../helpers/sql.js";

let admin: Record<string, string> = {};

/** As the administrator unless headers are given (so a partner's key never rides on a token). */
function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers?: Record<string, string>,
) {
  return send<T>(query, variables, headers ?? admin);
}

interface ServiceNode {
  id: string;
  name: string;
  level: string;
  status: string;
  version: number;
  fee: string | null;
  region: { code: string } | null;
}

interface Page {
  services: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: ServiceNode }[];
  };
}

interface Outcome {
  __typename: string;
  message?: string;
  entity?: string;
  currentVersion?: number | null;
  issues?: { field: string; message: string }[];
  data?: Record<string, unknown> & { id: string; version: number };
}

const FIELDS = "id name level status version fee region { code }";

const PAGE = `query Page($first: Int, $after: String, $filter: ServiceFilter, $orderBy: CatalogueOrderBy) {
  services(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ${FIELDS} } }
  }
}`;

/** Runs a mutation with the usual result union; the success payload selects `data`. */
async function mutate(
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  headers?: Record<string, string>,
  data = FIELDS,
) {
  const success = name.charAt(0).toUpperCase() + name.slice(1);
  const result = await gql<Record<string, Outcome>>(
    `mutation M($input: ${inputType}!) { ${name}(input: $input) {
      __typename
      ... on Mutation${success}Success { data { ${data} } }
      ... on Error { message }
      ... on NotFoundError { entity }
      ... on ConflictError { currentVersion }
      ... on ValidationError { issues { field message } }
    } }`,
    { input },
    headers,
  );
  return { ...result, outcome: result.data?.[name] };
}

async function partnerHeaders(): Promise<Record<string, string>> {
  const key = `dsp_services_${randomBytes(16).toString("hex")}`;
  await prisma.apiClient.create({
    data: {
      name: "Services test partner",
      keyPrefix: key.slice(0, 20),
      keyHash: hashApiKey(key),
      scopes: ["registry:read", "statistics:read"],
    },
  });
  return { "x-api-key": key };
}

/** A unique word, so a test's own rows can be found by search whatever else is in the database. */
const tag = () => `svc${randomBytes(4).toString("hex")}`;

describe("services", () => {
  let curator: Record<string, string>;
  let regions: Record<"smolensk" | "udmurtia" | "pskov", { id: string; global: string }>;

  beforeAll(async () => {
    admin = await asUser("admin@dostup.local");
    curator = await asUser("curator@dostup.local");
    const region = async (code: string) => {
      const row = await prisma.region.findUniqueOrThrow({ where: { code } });
      return { id: row.id, global: toGlobalId("Region", row.id) };
    };
    regions = { smolensk: await region("67"), udmurtia: await region("18"), pskov: await region("60") };
  });

  describe("lists", () => {
    it("filters Smolensk's socially significant catalogue: 83 services, 2 of them proactive", async () => {
      const all = await gql<Page>(PAGE, {
        first: 1,
        filter: { regionId: regions.smolensk.global, socialSignificant: true },
      });
      expect(all.errors).toBeUndefined();
      expect(all.data?.services.totalCount).toBe(83);
      const proactive = await gql<Page>(PAGE, {
        first: 10,
        filter: { regionId: regions.smolensk.global, socialSignificant: true, proactive: true },
      });
      expect(proactive.data?.services.totalCount).toBe(2);
      expect(proactive.data?.services.edges).toHaveLength(2);
    });

    it("leaves archived services out unless asked for by status", async () => {
      const name = `Архивная услуга ${tag()}`;
      await prisma.service.create({
        data: { name, level: "REGIONAL", regionId: regions.udmurtia.id, status: "ARCHIVED" },
      });
      const listed = await gql<Page>(PAGE, { first: 5, filter: { search: name } });
      expect(listed.data?.services.totalCount).toBe(0);
      const archived = await gql<Page>(PAGE, { first: 5, filter: { search: name, status: "ARCHIVED" } });
      expect(archived.data?.services.edges.map((e) => e.node.name)).toEqual([name]);
    });

    it("filters by level, flags and region, with totals and exact fees", async () => {
      const word = tag();
      const create = (
        name: string,
        data: Partial<{ level: "FEDERAL" | "REGIONAL"; regionId: string; electronic: boolean; fee: number }>,
      ) => prisma.service.create({ data: { name: `${name} ${word}`, level: "FEDERAL", ...data } });
      await create("Ф1", { electronic: true, fee: 6000 });
      await create("Ф2", { electronic: false });
      await create("Р1", { level: "REGIONAL", regionId: regions.udmurtia.id, electronic: true });

      const federal = await gql<Page>(PAGE, {
        first: 10,
        filter: { search: word, level: "FEDERAL" },
        orderBy: { field: "NAME", direction: "ASC" },
      });
      expect(federal.errors).toBeUndefined();
      expect(federal.data?.services.totalCount).toBe(2);
      expect(federal.data?.services.edges.map((e) => [e.node.name, e.node.fee, e.node.region])).toEqual([
        [`Ф1 ${word}`, "6000.00", null],
        [`Ф2 ${word}`, null, null],
      ]);
      const electronic = await gql<Page>(PAGE, { first: 10, filter: { search: word, electronic: true } });
      expect(electronic.data?.services.totalCount).toBe(2);
      const regional = await gql<Page>(PAGE, {
        first: 10,
        filter: { search: word, regionId: regions.udmurtia.global },
      });
      expect(regional.data?.services.edges.map((e) => [e.node.name, e.node.region?.code])).toEqual([
        [`Р1 ${word}`, "18"],
      ]);
    });

    it("pages through a list without gaps or repeats, DESC being ASC reversed, names repeating or not", async () => {
      const word = tag();
      for (const name of ["В", "А", "Б", "А", "Г", "Б", "Д"]) {
        await prisma.service.create({
          data: { name: `${name} ${word}`, level: "REGIONAL", regionId: regions.smolensk.id },
        });
      }
      const walk = async (field: string, direction: string) => {
        const names: string[] = [];
        const ids: string[] = [];
        let after: string | null = null;
        do {
          const page: Awaited<ReturnType<typeof gql<Page>>> = await gql<Page>(PAGE, {
            first: 3,
            after,
            filter: { search: word },
            orderBy: { field, direction },
          });
          expect(page.data?.services.totalCount).toBe(7);
          for (const edge of page.data?.services.edges ?? []) {
            ids.push(edge.node.id);
            names.push(edge.node.name.charAt(0));
          }
          after = page.data?.services.pageInfo.hasNextPage ? page.data.services.pageInfo.endCursor : null;
        } while (after);
        return { ids, names };
      };
      const byName = await walk("NAME", "ASC");
      expect(byName.names).toEqual(["А", "А", "Б", "Б", "В", "Г", "Д"]);
      expect(new Set(byName.ids).size).toBe(7);
      expect((await walk("NAME", "DESC")).ids).toEqual([...byName.ids].reverse());
      const byCreation = await walk("CREATED_AT", "ASC");
      expect(byCreation.names).toEqual(["В", "А", "Б", "А", "Г", "Б", "Д"]);
      expect((await walk("CREATED_AT", "DESC")).ids).toEqual([...byCreation.ids].reverse());
    });

    it("treats % and _ in a search as the characters themselves", async () => {
      const word = tag();
      const percent = `Скидка 50% ${word}`;
      const underscore = `Услуга a_b ${word}`;
      for (const name of [percent, underscore, `Услуга 50 процентов aXb ${word}`]) {
        await prisma.service.create({ data: { name, level: "REGIONAL", regionId: regions.udmurtia.id } });
      }
      const byPercent = await gql<Page>(PAGE, { first: 10, filter: { search: `50% ${word}` } });
      expect(byPercent.errors).toBeUndefined();
      expect(byPercent.data?.services.edges.map((e) => e.node.name)).toEqual([percent]);
      const byUnderscore = await gql<Page>(PAGE, { first: 10, filter: { search: `a_b ${word}` } });
      expect(byUnderscore.data?.services.edges.map((e) => e.node.name)).toEqual([underscore]);
    });

    it("shows a curator federal services and those of their regions, never another region's", async () => {
      const word = tag();
      const create = (name: string, regionId: string | null) =>
        prisma.service.create({
          data: { name: `${name} ${word}`, level: regionId ? "REGIONAL" : "FEDERAL", regionId },
        });
      await create("Федеральная", null);
      await create("Смоленская", regions.smolensk.id);
      await create("Удмуртская", regions.udmurtia.id);
      const pskov = await create("Псковская", regions.pskov.id);

      const page = await gql<Page>(
        PAGE,
        { first: 10, filter: { search: word }, orderBy: { field: "NAME", direction: "ASC" } },
        curator,
      );
      expect(page.data?.services.totalCount).toBe(3);
      expect(page.data?.services.edges.map((e) => e.node.region?.code ?? null)).toEqual(["67", "18", null]);
      const filtered = await gql<Page>(PAGE, { first: 1, filter: { regionId: regions.pskov.global } }, curator);
      expect(filtered.data?.services.totalCount).toBe(0);
      const node = await gql<{ node: { id: string } | null }>(
        `query N($id: ID!) { node(id: $id) { id } }`,
        { id: toGlobalId("Service", pskov.id) },
        curator,
      );
      expect(node.errors).toBeUndefined();
      expect(node.data?.node).toBeNull();
      const auditor = await gql<Page>(
        PAGE,
        { first: 10, filter: { search: word } },
        await asUser("auditor@dostup.local"),
      );
      expect(auditor.data?.services.totalCount).toBe(4);
    });

    it("issues the same number of SQL statements for 5 services as for 100, nested relations included", async () => {
      const nested = `query N($first: Int) { services(first: $first) { totalCount edges { node { name region { name }
        competentAuthority { name } lifeSituations { position lifeSituation { code } }
        centres(first: 3) { totalCount edges { node { helpKinds centre { name } } } } } } } }`;
      const small = await recordSql(() => gql(nested, { first: 5 }));
      const large = await recordSql(() => gql(nested, { first: 100 }));
      expect(small.result.errors).toBeUndefined();
      expect(large.result.errors).toBeUndefined();
      expect(large.statements.length).toBe(small.statements.length);
    });
  });

  describe("changes", () => {
    it("lets an administrator create a federal service, logged with every field", async () => {
      const name = `Федеральная услуга ${tag()}`;
      const { outcome } = await mutate("createService", "CreateServiceInput", {
        name,
        level: "FEDERAL",
        fee: "1500,5",
        processingDays: 5,
        requiredDocuments: ["Паспорт гражданина РФ"],
        portalUrl: "https://www.gosuslugi.ru/600001",
      });
      expect(outcome?.__typename).toBe("MutationCreateServiceSuccess");
      expect(outcome?.data).toMatchObject({
        name,
        level: "FEDERAL",
        status: "PUBLISHED",
        version: 1,
        fee: "1500.50",
        region: null,
      });
      const id = fromGlobal(outcome?.data?.id);
      const entries = await prisma.changeLog.findMany({ where: { entity: "Service", entityId: id } });
      expect(entries).toHaveLength(1);
      expect(entries[0]?.action).toBe("CREATE");
      expect(entries[0]?.changes).toMatchObject({ name: { from: null, to: name }, fee: { from: null, to: "1500.5" } });
    });

    it("lets a curator create a service of their region but not a federal one or another region's", async () => {
      const name = `Удмуртская услуга ${tag()}`;
      const own = await mutate(
        "createService",
        "CreateServiceInput",
        { name, level: "MUNICIPAL", regionId: regions.udmurtia.global },
        curator,
      );
      expect(own.outcome?.__typename).toBe("MutationCreateServiceSuccess");
      expect(own.outcome?.data?.region).toEqual({ code: "18" });

      const federalName = `Чужая федеральная ${tag()}`;
      const federal = await mutate(
        "createService",
        "CreateServiceInput",
        { name: federalName, level: "FEDERAL" },
        curator,
      );
      expect(federal.outcome?.__typename).toBe("ForbiddenError");
      expect(federal.outcome?.message).toMatch(/administrators/);

      const pskovName = `Псковская ${tag()}`;
      const pskov = await mutate(
        "createService",
        "CreateServiceInput",
        { name: pskovName, level: "REGIONAL", regionId: regions.pskov.global },
        curator,
      );
      expect(pskov.outcome?.__typename).toBe("NotFoundError");
      expect(pskov.outcome?.entity).toBe("region");
      expect(await prisma.service.count({ where: { name: { in: [federalName, pskovName] } } })).toBe(0);
    });

    it("refuses auditors, operators and partner apps outright", async () => {
      const input = { name: `Нельзя ${tag()}`, level: "FEDERAL" };
      for (const headers of [
        await asUser("auditor@dostup.local"),
        await asUser("operator@dostup.local"),
        await partnerHeaders(),
      ]) {
        const result = await mutate("createService", "CreateServiceInput", input, headers);
        expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      }
      expect(await prisma.service.count({ where: { name: input.name } })).toBe(0);
    });

    it("refuses inconsistent or malformed input naming the fields, creating nothing", async () => {
      const name = `Неверная ${tag()}`;
      const federalWithRegion = await mutate("createService", "CreateServiceInput", {
        name,
        level: "FEDERAL",
        regionId: regions.udmurtia.global,
      });
      expect(federalWithRegion.outcome?.issues?.[0]?.field).toBe("input.level");
      const regionalWithout = await mutate("createService", "CreateServiceInput", { name, level: "REGIONAL" });
      expect(regionalWithout.outcome?.issues?.[0]?.field).toBe("input.level");
      const bad = await mutate("createService", "CreateServiceInput", {
        name: " ",
        level: "FEDERAL",
        fee: "-5",
        processingDays: -1,
        portalUrl: "gosuslugi",
        registryId: "ABC",
      });
      expect(bad.outcome?.__typename).toBe("ValidationError");
      expect(bad.outcome?.issues?.map((i) => i.field).sort()).toEqual(
        ["input.fee", "input.name", "input.portalUrl", "input.processingDays", "input.registryId"].sort(),
      );
      expect(await prisma.service.count({ where: { name } })).toBe(0);
    });

    it("refuses clearing a required field on update, naming it, and changes nothing", async () => {
      const service = await prisma.service.create({ data: { name: `Обязательное ${tag()}`, level: "FEDERAL" } });
      const { outcome } = await mutate("updateService", "UpdateServiceInput", {
        id: toGlobalId("Service", service.id),
        version: 1,
        name: null,
        electronic: null,
      });
      expect(outcome?.issues).toEqual([
        { field: "input.name", message: "Cannot be empty." },
        { field: "input.electronic", message: "Choose yes (true) or no (false)." },
      ]);
      expect(await prisma.service.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({
        name: service.name,
        version: 1,
      });
    });

    it("refuses a register id that another service already has", async () => {
      const taken = await prisma.service.findFirstOrThrow({ where: { registryId: { not: null } } });
      const name = `Дубликат ${tag()}`;
      const { outcome } = await mutate("createService", "CreateServiceInput", {
        name,
        level: "FEDERAL",
        registryId: taken.registryId,
      });
      expect(outcome?.__typename).toBe("ConflictError");
      expect(await prisma.service.count({ where: { name } })).toBe(0);
    });

    it("updates with the version read, logs the field changes, and refuses a stale version changing nothing", async () => {
      const service = await prisma.service.create({
        data: { name: `Правка ${tag()}`, level: "REGIONAL", regionId: regions.udmurtia.id, processingDays: 10 },
      });
      const id = toGlobalId("Service", service.id);
      const first = await mutate(
        "updateService",
        "UpdateServiceInput",
        { id, version: 1, processingDays: 7, electronic: true, fee: "0" },
        curator,
      );
      expect(first.outcome?.__typename).toBe("MutationUpdateServiceSuccess");
      expect(first.outcome?.data).toMatchObject({ version: 2, fee: "0.00" });

      const stale = await mutate(
        "updateService",
        "UpdateServiceInput",
        { id, version: 1, processingDays: 99, name: "Перезапись" },
        curator,
      );
      expect(stale.outcome?.__typename).toBe("ConflictError");
      expect(stale.outcome?.currentVersion).toBe(2);
      const stored = await prisma.service.findUniqueOrThrow({ where: { id: service.id } });
      expect(stored).toMatchObject({ version: 2, processingDays: 7, name: service.name, electronic: true });

      const entries = await prisma.changeLog.findMany({ where: { entity: "Service", entityId: service.id } });
      expect(entries).toHaveLength(1);
      expect(entries[0]?.action).toBe("UPDATE");
      expect(entries[0]?.changes).toEqual({
        processingDays: { from: 10, to: 7 },
        electronic: { from: false, to: true },
        fee: { from: null, to: "0" },
      });
    });

    it("keeps curators off federal services (Forbidden) and other regions' (NotFound)", async () => {
      const federal = await prisma.service.create({ data: { name: `Федеральная ${tag()}`, level: "FEDERAL" } });
      const pskov = await prisma.service.create({
        data: { name: `Псков ${tag()}`, level: "REGIONAL", regionId: regions.pskov.id },
      });
      const onFederal = await mutate(
        "updateService",
        "UpdateServiceInput",
        { id: toGlobalId("Service", federal.id), version: 1, name: "x" },
        curator,
      );
      expect(onFederal.outcome?.__typename).toBe("ForbiddenError");
      const onPskov = await mutate(
        "archiveService",
        "VersionedInput",
        { id: toGlobalId("Service", pskov.id), version: 1 },
        curator,
      );
      expect(onPskov.outcome?.__typename).toBe("NotFoundError");
      const byAdmin = await mutate("updateService", "UpdateServiceInput", {
        id: toGlobalId("Service", federal.id),
        version: 1,
        shortName: "Кратко",
      });
      expect(byAdmin.outcome?.__typename).toBe("MutationUpdateServiceSuccess");
      expect(await prisma.service.findUniqueOrThrow({ where: { id: pskov.id } })).toMatchObject({
        status: "PUBLISHED",
        version: 1,
      });
      expect(await prisma.changeLog.count({ where: { entityId: { in: [pskov.id] } } })).toBe(0);
    });

    it("archives and restores a service, logging both", async () => {
      const service = await prisma.service.create({
        data: { name: `Архив ${tag()}`, level: "REGIONAL", regionId: regions.smolensk.id },
      });
      const id = toGlobalId("Service", service.id);
      const archived = await mutate("archiveService", "VersionedInput", { id, version: 1 }, curator);
      expect(archived.outcome?.data).toMatchObject({ status: "ARCHIVED", version: 2 });
      const again = await mutate("archiveService", "VersionedInput", { id, version: 2 }, curator);
      expect(again.outcome?.__typename).toBe("ValidationError");
      const staleRestore = await mutate("restoreService", "VersionedInput", { id, version: 1 }, curator);
      expect(staleRestore.outcome?.__typename).toBe("ConflictError");
      const restored = await mutate("restoreService", "VersionedInput", { id, version: 2 }, curator);
      expect(restored.outcome?.data).toMatchObject({ status: "PUBLISHED", version: 3 });
      const entries = await prisma.changeLog.findMany({
        where: { entity: "Service", entityId: service.id },
        orderBy: { at: "asc" },
      });
      expect(entries.map((e) => [e.action, e.changes])).toEqual([
        ["ARCHIVE", { status: { from: "PUBLISHED", to: "ARCHIVED" } }],
        ["RESTORE", { status: { from: "ARCHIVED", to: "PUBLISHED" } }],
      ]);
    });
  });

  describe("partners", () => {
    it("see published services only, in lists and by id, and cannot ask for drafts", async () => {
      const partner = await partnerHeaders();
      const word = tag();
      const create = (status: "DRAFT" | "PUBLISHED" | "ARCHIVED") =>
        prisma.service.create({ data: { name: `${status} ${word}`, level: "FEDERAL", status } });
      const draft = await create("DRAFT");
      await create("PUBLISHED");
      await create("ARCHIVED");
      const own = await gql<Page>(PAGE, { first: 10, filter: { search: word } }, partner);
      expect(own.errors).toBeUndefined();
      expect(own.data?.services.edges.map((e) => e.node.name)).toEqual([`PUBLISHED ${word}`]);
      expect(own.data?.services.totalCount).toBe(1);
      const page = await gql<Page>(PAGE, { first: 100 }, partner);
      expect(page.data?.services.edges).toHaveLength(100);
      expect(page.data?.services.edges.every((e) => e.node.status === "PUBLISHED")).toBe(true);
      for (const status of ["DRAFT", "ARCHIVED"]) {
        const hidden = await gql<Page>(PAGE, { first: 1, filter: { status, search: word } }, partner);
        expect(hidden.data?.services.totalCount).toBe(0);
      }
      const node = await gql<{ node: unknown }>(
        `query N($id: ID!) { node(id: $id) { id } }`,
        { id: toGlobalId("Service", draft.id) },
        partner,
      );
      expect(node.data?.node).toBeNull();
      const byAdmin = await gql<{ node: { status: string } }>(
        `query N($id: ID!) { node(id: $id) { ... on Service { status } } }`,
        {
          id: toGlobalId("Service", draft.id),
        },
      );
      expect(byAdmin.data?.node.status).toBe("DRAFT");
    });
  });

  describe("which centres help with a service", () => {
    let udmurtCentre: { id: string; global: string };
    let pskovCentre: { id: string; global: string };

    beforeAll(async () => {
      const centre = async (regionId: string) => {
        const row = await prisma.centre.findFirstOrThrow({
          where: { regionId, archivedAt: null },
          orderBy: { name: "asc" },
        });
        return { id: row.id, global: toGlobalId("Centre", row.id) };
      };
      udmurtCentre = await centre(regions.udmurtia.id);
      pskovCentre = await centre(regions.pskov.id);
    });

    const LINK = "helpKinds note service { name } centre { name }";

    it("links, relinks and unlinks a service on a curator's centre, logging each change against the centre", async () => {
      const service = await prisma.service.create({
        data: { name: `Для центра ${tag()}`, level: "REGIONAL", regionId: regions.udmurtia.id },
      });
      const serviceId = toGlobalId("Service", service.id);

      const set = await mutate(
        "setCentreService",
        "SetCentreServiceInput",
        {
          centreId: udmurtCentre.global,
          serviceId,
          helpKinds: ["CONSULTATION", "CONSULTATION", "APPLICATION_FILLING"],
        },
        curator,
        LINK,
      );
      expect(set.outcome?.__typename).toBe("MutationSetCentreServiceSuccess");
      expect(set.outcome?.data).toMatchObject({
        helpKinds: ["CONSULTATION", "APPLICATION_FILLING"],
        note: null,
        service: { name: service.name },
      });

      const reset = await mutate(
        "setCentreService",
        "SetCentreServiceInput",
        { centreId: udmurtCentre.global, serviceId, helpKinds: ["RESULT_PRINTING"], note: "По записи" },
        curator,
        LINK,
      );
      expect(reset.outcome?.data).toMatchObject({ helpKinds: ["RESULT_PRINTING"], note: "По записи" });
      expect(await prisma.centreService.count({ where: { serviceId: service.id } })).toBe(1);

      const removed = await mutate(
        "removeCentreService",
        "RemoveCentreServiceInput",
        { centreId: udmurtCentre.global, serviceId },
        curator,
        "id",
      );
      expect(removed.outcome?.__typename).toBe("MutationRemoveCentreServiceSuccess");
      const twice = await mutate(
        "removeCentreService",
        "RemoveCentreServiceInput",
        { centreId: udmurtCentre.global, serviceId },
        curator,
        "id",
      );
      expect(twice.outcome?.__typename).toBe("NotFoundError");

      const entries = await prisma.changeLog.findMany({
        where: {
          entity: "Centre",
          entityId: udmurtCentre.id,
          changes: { path: ["_note", "service"], equals: service.name },
        },
        orderBy: { at: "asc" },
      });
      expect(entries.map((e) => e.changes)).toEqual([
        {
          centreService: {
            from: null,
            to: { serviceId: service.id, helpKinds: ["CONSULTATION", "APPLICATION_FILLING"], note: null },
          },
          _note: { service: service.name },
        },
        {
          centreService: {
            from: { serviceId: service.id, helpKinds: ["CONSULTATION", "APPLICATION_FILLING"], note: null },
            to: { serviceId: service.id, helpKinds: ["RESULT_PRINTING"], note: "По записи" },
          },
          _note: { service: service.name },
        },
        {
          centreService: {
            from: { serviceId: service.id, helpKinds: ["RESULT_PRINTING"], note: "По записи" },
            to: null,
          },
          _note: { service: service.name },
        },
      ]);
    });

    it("refuses empty help kinds, another region's service and a centre outside the curator's regions", async () => {
      const federal = await prisma.service.create({
        data: { name: `Федеральная для центра ${tag()}`, level: "FEDERAL" },
      });
      const smolensk = await prisma.service.create({
        data: { name: `Смоленская ${tag()}`, level: "REGIONAL", regionId: regions.smolensk.id },
      });
      const empty = await mutate(
        "setCentreService",
        "SetCentreServiceInput",
        { centreId: udmurtCentre.global, serviceId: toGlobalId("Service", federal.id), helpKinds: [] },
        curator,
        LINK,
      );
      expect(empty.outcome?.__typename).toBe("ValidationError");
      expect(empty.outcome?.issues?.[0]?.field).toBe("input.helpKinds");
      const foreign = await mutate(
        "setCentreService",
        "SetCentreServiceInput",
        { centreId: udmurtCentre.global, serviceId: toGlobalId("Service", smolensk.id), helpKinds: ["CONSULTATION"] },
        curator,
        LINK,
      );
      expect(foreign.outcome?.issues?.[0]?.field).toBe("input.serviceId");
      const outside = await mutate(
        "setCentreService",
        "SetCentreServiceInput",
        { centreId: pskovCentre.global, serviceId: toGlobalId("Service", federal.id), helpKinds: ["CONSULTATION"] },
        curator,
        LINK,
      );
      expect(outside.outcome?.__typename).toBe("NotFoundError");
      expect(outside.outcome?.entity).toBe("centre");
      const operator = await mutate(
        "setCentreService",
        "SetCentreServiceInput",
        { centreId: udmurtCentre.global, serviceId: toGlobalId("Service", federal.id), helpKinds: ["CONSULTATION"] },
        await asUser("operator@dostup.local"),
        LINK,
      );
      expect(operator.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(await prisma.centreService.count({ where: { serviceId: { in: [federal.id, smolensk.id] } } })).toBe(0);
    });

    it("shows a curator only the centres of their regions among those helping with a federal service", async () => {
      const esia = await prisma.service.findFirstOrThrow({
        where: { name: { startsWith: "Регистрация и подтверждение учётной записи" } },
      });
      const query = `query S($id: ID!) { node(id: $id) { ... on Service { centres(first: 50) { totalCount edges { node { centre { region { code } } } } } } } }`;
      const result = await gql<{
        node: { centres: { totalCount: number; edges: { node: { centre: { region: { code: string } } } }[] } };
      }>(query, { id: toGlobalId("Service", esia.id) }, curator);
      expect(result.errors).toBeUndefined();
      const expected = await prisma.centreService.count({
        where: {
          serviceId: esia.id,
          centre: { archivedAt: null, regionId: { in: [regions.smolensk.id, regions.udmurtia.id] } },
        },
      });
      expect(expected).toBeGreaterThan(0);
      expect(result.data?.node.centres.totalCount).toBe(expected);
      const codes = new Set(result.data?.node.centres.edges.map((e) => e.node.centre.region.code));
      expect([...codes].every((code) => code === "67" || code === "18")).toBe(true);
      const all = await prisma.centreService.count({ where: { serviceId: esia.id, centre: { archivedAt: null } } });
      expect(all).toBeGreaterThan(expected);
    });
  });
});

function fromGlobal(globalId: string | undefined): string {
  const [, id] = Buffer.from(globalId ?? "", "base64")
    .toString()
    .split(":");
  return id ?? "";
}
