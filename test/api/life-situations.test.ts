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

interface Step {
  position: number;
  mandatory: boolean;
  service: { id: string; name: string };
}

interface LifeSituationNode {
  id: string;
  code: string;
  name: string;
  kind: string;
  status: string;
  version: number;
  region: { code: string } | null;
  services: Step[];
}

interface Page {
  lifeSituations: { totalCount: number; edges: { node: LifeSituationNode }[] };
}

interface Outcome {
  __typename: string;
  message?: string;
  entity?: string;
  currentVersion?: number | null;
  issues?: { field: string; message: string }[];
  data?: LifeSituationNode;
}

const FIELDS = "id code name kind status version region { code } services { position mandatory service { id name } }";

const PAGE = `query Page($first: Int, $after: String, $filter: LifeSituationFilter, $orderBy: CatalogueOrderBy) {
  lifeSituations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { node { ${FIELDS} } }
  }
}`;

async function mutate(
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  headers?: Record<string, string>,
) {
  const success = name.charAt(0).toUpperCase() + name.slice(1);
  const result = await gql<Record<string, Outcome>>(
    `mutation M($input: ${inputType}!) { ${name}(input: $input) {
      __typename
      ... on Mutation${success}Success { data { ${FIELDS} } }
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

const NODE = `query N($id: ID!) { node(id: $id) { ... on LifeSituation { ${FIELDS} } } }`;

async function read(id: string, headers?: Record<string, string>) {
  const result = await gql<{ node: LifeSituationNode | null }>(NODE, { id }, headers);
  expect(result.errors).toBeUndefined();
  return result.data?.node ?? null;
}

const tag = () => randomBytes(4).toString("hex").toUpperCase();

describe("life situations", () => {
  let curator: Record<string, string>;
  let regions: Record<"smolensk" | "udmurtia" | "pskov", { id: string; global: string }>;
  /** Global ids of federal demo services, by a short key. */
  let federal: Record<"esia" | "passport" | "pension" | "egrn", string>;

  beforeAll(async () => {
    admin = await asUser("admin@dostup.local");
    curator = await asUser("curator@dostup.local");
    const region = async (code: string) => {
      const row = await prisma.region.findUniqueOrThrow({ where: { code } });
      return { id: row.id, global: toGlobalId("Region", row.id) };
    };
    regions = { smolensk: await region("67"), udmurtia: await region("18"), pskov: await region("60") };
    const service = async (startsWith: string) =>
      toGlobalId(
        "Service",
        (await prisma.service.findFirstOrThrow({ where: { level: "FEDERAL", name: { startsWith } } })).id,
      );
    federal = {
      esia: await service("Регистрация и подтверждение учётной записи"),
      passport: await service("Выдача (замена) паспорта"),
      pension: await service("Назначение страховой пенсии"),
      egrn: await service("Предоставление сведений из Единого"),
    };
  });

  /** A federal life situation of this test's own, created through the API. */
  async function createFederal(services: { serviceId: string; mandatory: boolean }[]) {
    const code = `TEST_${tag()}`;
    const { outcome } = await mutate("createLifeSituation", "CreateLifeSituationInput", {
      code,
      name: `Проверка ${code}`,
      kind: "LIFE_EVENT",
      services,
    });
    expect(outcome?.__typename).toBe("MutationCreateLifeSituationSuccess");
    return outcome?.data as LifeSituationNode;
  }

  describe("lists", () => {
    it("lists the demo catalogue with its ordered services, mandatory and optional", async () => {
      const page = await gql<Page>(PAGE, { first: 10, filter: { search: "RETIREMENT" } });
      expect(page.errors).toBeUndefined();
      expect(page.data?.lifeSituations.totalCount).toBe(1);
      const retirement = page.data?.lifeSituations.edges[0]?.node;
      expect(retirement?.name).toBe("Выход на пенсию");
      expect(retirement?.services.map((s) => [s.position, s.mandatory])).toEqual([
        [1, true],
        [2, true],
        [3, false],
        [4, false],
        [5, false],
      ]);
      expect(retirement?.services[1]?.service.name).toBe("Назначение страховой пенсии по старости");
    });

    it("filters by kind and region, with totals", async () => {
      const business = await gql<Page>(PAGE, { first: 50, filter: { kind: "BUSINESS_EVENT" } });
      expect(business.data?.lifeSituations.edges.map((e) => e.node.code)).toContain("BUSINESS_START");
      expect(business.data?.lifeSituations.edges.every((e) => e.node.kind === "BUSINESS_EVENT")).toBe(true);

      const word = tag();
      const create = (kind: "LIFE_EVENT" | "BUSINESS_EVENT", regionId: string | null) =>
        prisma.lifeSituation.create({ data: { code: `F_${tag()}`, name: `Фильтр ${word}`, kind, regionId } });
      await create("BUSINESS_EVENT", null);
      await create("BUSINESS_EVENT", regions.pskov.id);
      await create("LIFE_EVENT", regions.pskov.id);
      await create("LIFE_EVENT", null);
      const count = async (filter: Record<string, unknown>) =>
        (await gql<Page>(PAGE, { first: 10, filter: { search: word, ...filter } })).data?.lifeSituations.totalCount;
      expect(await count({})).toBe(4);
      expect(await count({ kind: "BUSINESS_EVENT" })).toBe(2);
      expect(await count({ regionId: regions.pskov.global })).toBe(2);
      expect(await count({ regionId: regions.pskov.global, kind: "LIFE_EVENT" })).toBe(1);
      expect(await count({ status: "DRAFT" })).toBe(0);
    });

    it("treats % and _ in a search as the characters themselves", async () => {
      const word = tag();
      for (const name of [`Скидка 100% ${word}`, `Скидка 1000 ${word}`, `Пособие a_b ${word}`, `Пособие aXb ${word}`]) {
        await prisma.lifeSituation.create({ data: { code: `S_${tag()}`, name, kind: "LIFE_EVENT" } });
      }
      const percent = await gql<Page>(PAGE, { first: 10, filter: { search: `100% ${word}` } });
      expect(percent.data?.lifeSituations.edges.map((e) => e.node.name)).toEqual([`Скидка 100% ${word}`]);
      const underscore = await gql<Page>(PAGE, { first: 10, filter: { search: `a_b ${word}` } });
      expect(underscore.data?.lifeSituations.edges.map((e) => e.node.name)).toEqual([`Пособие a_b ${word}`]);
    });

    it("shows a curator federal life situations and their regions', never another region's", async () => {
      const word = tag();
      const create = (regionId: string | null) =>
        prisma.lifeSituation.create({
          data: { code: `V_${tag()}`, name: `Видимость ${word}`, kind: "LIFE_EVENT", regionId },
        });
      await create(null);
      await create(regions.smolensk.id);
      const pskov = await create(regions.pskov.id);
      const page = await gql<Page>(PAGE, { first: 10, filter: { search: word } }, curator);
      expect(page.data?.lifeSituations.totalCount).toBe(2);
      expect(page.data?.lifeSituations.edges.map((e) => e.node.region?.code ?? null).sort()).toEqual(
        ["67", null].sort(),
      );
      expect(await read(toGlobalId("LifeSituation", pskov.id), curator)).toBeNull();
    });

    it("issues the same number of SQL statements for 2 life situations as for 50 (no N+1)", async () => {
      const small = await recordSql(() => gql(PAGE, { first: 2 }));
      const large = await recordSql(() => gql(PAGE, { first: 50 }));
      expect(small.result.errors).toBeUndefined();
      expect(large.statements.length).toBe(small.statements.length);
    });
  });

  describe("the ordered list of services", () => {
    it("creates a life situation with its services in order, logged with the list", async () => {
      const created = await createFederal([
        { serviceId: federal.esia, mandatory: true },
        { serviceId: federal.passport, mandatory: false },
      ]);
      expect(created.version).toBe(1);
      expect(created.region).toBeNull();
      expect(created.services.map((s) => [s.position, s.service.id, s.mandatory])).toEqual([
        [1, federal.esia, true],
        [2, federal.passport, false],
      ]);
      const id = fromGlobal(created.id);
      const [entry] = await prisma.changeLog.findMany({ where: { entity: "LifeSituation", entityId: id } });
      expect(entry?.action).toBe("CREATE");
      expect(entry?.changes).toMatchObject({
        code: { from: null, to: created.code },
        services: {
          from: null,
          to: [
            { position: 1, serviceId: fromGlobal(federal.esia), mandatory: true },
            { position: 2, serviceId: fromGlobal(federal.passport), mandatory: false },
          ],
        },
      });
    });

    it("moves a service up: the new order comes back, mandatory flags stay, and the log shows before and after", async () => {
      const created = await createFederal([
        { serviceId: federal.esia, mandatory: true },
        { serviceId: federal.passport, mandatory: false },
        { serviceId: federal.pension, mandatory: true },
      ]);
      const { outcome } = await mutate("setLifeSituationServices", "SetLifeSituationServicesInput", {
        id: created.id,
        version: 1,
        services: [
          { serviceId: federal.esia, mandatory: true },
          { serviceId: federal.pension, mandatory: true },
          { serviceId: federal.passport, mandatory: false },
        ],
      });
      expect(outcome?.__typename).toBe("MutationSetLifeSituationServicesSuccess");
      expect(outcome?.data?.version).toBe(2);
      const order = outcome?.data?.services.map((s) => [s.position, s.service.id, s.mandatory]);
      expect(order).toEqual([
        [1, federal.esia, true],
        [2, federal.pension, true],
        [3, federal.passport, false],
      ]);
      expect((await read(created.id))?.services.map((s) => [s.position, s.service.id, s.mandatory])).toEqual(order);

      const entries = await prisma.changeLog.findMany({
        where: { entity: "LifeSituation", entityId: fromGlobal(created.id), action: "UPDATE" },
      });
      expect(entries).toHaveLength(1);
      const changes = entries[0]?.changes as {
        services: {
          from: { serviceId: string; mandatory: boolean }[];
          to: { serviceId: string; mandatory: boolean }[];
        };
      };
      const ids = (list: { serviceId: string; mandatory: boolean }[]) =>
        list.map((s) => [toGlobalId("Service", s.serviceId), s.mandatory]);
      expect(ids(changes.services.from)).toEqual([
        [federal.esia, true],
        [federal.passport, false],
        [federal.pension, true],
      ]);
      expect(ids(changes.services.to)).toEqual([
        [federal.esia, true],
        [federal.pension, true],
        [federal.passport, false],
      ]);
    });

    it("turns a step optional and removes another in one save", async () => {
      const created = await createFederal([
        { serviceId: federal.esia, mandatory: true },
        { serviceId: federal.egrn, mandatory: true },
      ]);
      const { outcome } = await mutate("setLifeSituationServices", "SetLifeSituationServicesInput", {
        id: created.id,
        version: 1,
        services: [{ serviceId: federal.egrn, mandatory: false }],
      });
      expect(outcome?.data?.services.map((s) => [s.position, s.service.id, s.mandatory])).toEqual([
        [1, federal.egrn, false],
      ]);
    });

    it("refuses a service listed twice, naming the item, and changes nothing", async () => {
      const created = await createFederal([{ serviceId: federal.esia, mandatory: true }]);
      const { outcome } = await mutate("setLifeSituationServices", "SetLifeSituationServicesInput", {
        id: created.id,
        version: 1,
        services: [
          { serviceId: federal.esia, mandatory: true },
          { serviceId: federal.passport, mandatory: true },
          { serviceId: federal.esia, mandatory: false },
        ],
      });
      expect(outcome?.__typename).toBe("ValidationError");
      expect(outcome?.issues).toEqual([
        { field: "input.services.2.serviceId", message: "This service is already in the list at position 1." },
      ]);
      const after = await read(created.id);
      expect(after?.version).toBe(1);
      expect(after?.services.map((s) => s.service.id)).toEqual([federal.esia]);
    });

    it("refuses a stale version with ConflictError and keeps the list as it was", async () => {
      const created = await createFederal([{ serviceId: federal.esia, mandatory: true }]);
      await mutate("updateLifeSituation", "UpdateLifeSituationInput", {
        id: created.id,
        version: 1,
        name: `${created.name} (ред.)`,
      });
      const { outcome } = await mutate("setLifeSituationServices", "SetLifeSituationServicesInput", {
        id: created.id,
        version: 1,
        services: [{ serviceId: federal.passport, mandatory: true }],
      });
      expect(outcome?.__typename).toBe("ConflictError");
      expect(outcome?.currentVersion).toBe(2);
      const after = await read(created.id);
      expect(after?.version).toBe(2);
      expect(after?.services.map((s) => s.service.id)).toEqual([federal.esia]);
      expect(await prisma.changeLog.count({ where: { entityId: fromGlobal(created.id), action: "UPDATE" } })).toBe(1);
    });

    it("keeps a federal life situation to federal services, and a regional one to federal and its region's", async () => {
      const smolenskService = await prisma.service.create({
        data: { name: `Смоленская ${tag()}`, level: "REGIONAL", regionId: regions.smolensk.id },
      });
      const udmurtService = await prisma.service.create({
        data: { name: `Удмуртская ${tag()}`, level: "REGIONAL", regionId: regions.udmurtia.id },
      });
      const created = await createFederal([]);
      const onFederal = await mutate("setLifeSituationServices", "SetLifeSituationServicesInput", {
        id: created.id,
        version: 1,
        services: [{ serviceId: toGlobalId("Service", smolenskService.id), mandatory: true }],
      });
      expect(onFederal.outcome?.issues?.[0]?.field).toBe("input.services.0.serviceId");

      const code = `UDM_${tag()}`;
      const mixed = await mutate(
        "createLifeSituation",
        "CreateLifeSituationInput",
        {
          code,
          name: code,
          kind: "LIFE_EVENT",
          regionId: regions.udmurtia.global,
          services: [
            { serviceId: federal.esia, mandatory: true },
            { serviceId: toGlobalId("Service", smolenskService.id), mandatory: true },
          ],
        },
        curator,
      );
      expect(mixed.outcome?.__typename).toBe("ValidationError");
      expect(mixed.outcome?.issues?.[0]?.field).toBe("input.services.1.serviceId");
      expect(await prisma.lifeSituation.count({ where: { code } })).toBe(0);

      const fine = await mutate(
        "createLifeSituation",
        "CreateLifeSituationInput",
        {
          code,
          name: code,
          kind: "BUSINESS_EVENT",
          regionId: regions.udmurtia.global,
          services: [
            { serviceId: toGlobalId("Service", udmurtService.id), mandatory: true },
            { serviceId: federal.esia, mandatory: false },
          ],
        },
        curator,
      );
      expect(fine.outcome?.__typename).toBe("MutationCreateLifeSituationSuccess");
      expect(fine.outcome?.data?.region).toEqual({ code: "18" });
      expect(fine.outcome?.data?.services.map((s) => [s.service.name, s.mandatory])).toEqual([
        [udmurtService.name, true],
        ["Регистрация и подтверждение учётной записи на Госуслугах (ЕСИА)", false],
      ]);
    });
  });

  describe("who may change what", () => {
    it("lets a curator change their region's life situations, not federal (Forbidden) or another region's (NotFound)", async () => {
      const own = await prisma.lifeSituation.create({
        data: { code: `SML_${tag()}`, name: "Смоленск", kind: "LIFE_EVENT", regionId: regions.smolensk.id },
      });
      const pskov = await prisma.lifeSituation.create({
        data: { code: `PSK_${tag()}`, name: "Псков", kind: "LIFE_EVENT", regionId: regions.pskov.id },
      });
      const fed = await prisma.lifeSituation.create({
        data: { code: `FED_${tag()}`, name: "Федеральная", kind: "LIFE_EVENT" },
      });

      const ok = await mutate(
        "updateLifeSituation",
        "UpdateLifeSituationInput",
        { id: toGlobalId("LifeSituation", own.id), version: 1, kind: "BUSINESS_EVENT" },
        curator,
      );
      expect(ok.outcome?.data).toMatchObject({ kind: "BUSINESS_EVENT", version: 2 });
      const [entry] = await prisma.changeLog.findMany({ where: { entity: "LifeSituation", entityId: own.id } });
      expect(entry?.changes).toEqual({ kind: { from: "LIFE_EVENT", to: "BUSINESS_EVENT" } });

      const onFederal = await mutate(
        "archiveLifeSituation",
        "VersionedInput",
        { id: toGlobalId("LifeSituation", fed.id), version: 1 },
        curator,
      );
      expect(onFederal.outcome?.__typename).toBe("ForbiddenError");
      const onPskov = await mutate(
        "updateLifeSituation",
        "UpdateLifeSituationInput",
        { id: toGlobalId("LifeSituation", pskov.id), version: 1, name: "x" },
        curator,
      );
      expect(onPskov.outcome?.__typename).toBe("NotFoundError");
      const federalCreate = await mutate(
        "createLifeSituation",
        "CreateLifeSituationInput",
        { code: `FED_${tag()}`, name: "x", kind: "LIFE_EVENT" },
        curator,
      );
      expect(federalCreate.outcome?.__typename).toBe("ForbiddenError");

      for (const email of ["auditor@dostup.local", "operator@dostup.local"]) {
        const refused = await mutate(
          "updateLifeSituation",
          "UpdateLifeSituationInput",
          { id: toGlobalId("LifeSituation", own.id), version: 2, name: "x" },
          await asUser(email),
        );
        expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      }
      expect(
        await prisma.lifeSituation.findMany({
          where: { id: { in: [fed.id, pskov.id] } },
          select: { version: true, status: true },
        }),
      ).toEqual([
        { version: 1, status: "PUBLISHED" },
        { version: 1, status: "PUBLISHED" },
      ]);
      expect((await prisma.lifeSituation.findUniqueOrThrow({ where: { id: own.id } })).name).toBe("Смоленск");
    });

    it("refuses a malformed or taken code naming the field", async () => {
      const bad = await mutate("createLifeSituation", "CreateLifeSituationInput", {
        code: "bad code",
        name: "x",
        kind: "LIFE_EVENT",
      });
      expect(bad.outcome?.issues).toEqual([
        { field: "input.code", message: expect.stringMatching(/capital Latin letters/) },
      ]);
      const taken = await mutate("createLifeSituation", "CreateLifeSituationInput", {
        code: "RETIREMENT",
        name: "x",
        kind: "LIFE_EVENT",
      });
      expect(taken.outcome?.__typename).toBe("ConflictError");
    });

    it("archives and restores, logging both; archived ones leave the list", async () => {
      const created = await createFederal([]);
      const archived = await mutate("archiveLifeSituation", "VersionedInput", { id: created.id, version: 1 });
      expect(archived.outcome?.data).toMatchObject({ status: "ARCHIVED", version: 2 });
      const listed = await gql<Page>(PAGE, { first: 5, filter: { search: created.code } });
      expect(listed.data?.lifeSituations.totalCount).toBe(0);
      const restored = await mutate("restoreLifeSituation", "VersionedInput", { id: created.id, version: 2 });
      expect(restored.outcome?.data).toMatchObject({ status: "PUBLISHED", version: 3 });
      const actions = await prisma.changeLog.findMany({
        where: { entityId: fromGlobal(created.id) },
        orderBy: { at: "asc" },
        select: { action: true },
      });
      expect(actions.map((a) => a.action)).toEqual(["CREATE", "ARCHIVE", "RESTORE"]);
    });
  });

  describe("partners", () => {
    it("see published life situations only, and within them published services only", async () => {
      const key = `dsp_ls_${randomBytes(16).toString("hex")}`;
      await prisma.apiClient.create({
        data: {
          name: "Life situations partner",
          keyPrefix: key.slice(0, 20),
          keyHash: hashApiKey(key),
          scopes: ["registry:read", "statistics:read"],
        },
      });
      const partner = { "x-api-key": key };
      const draftService = await prisma.service.create({
        data: { name: `Черновик ${tag()}`, level: "FEDERAL", status: "DRAFT" },
      });
      const created = await createFederal([
        { serviceId: federal.esia, mandatory: true },
        { serviceId: toGlobalId("Service", draftService.id), mandatory: true },
      ]);
      const draft = await prisma.lifeSituation.create({
        data: { code: `DRAFT_${tag()}`, name: "Черновик", kind: "LIFE_EVENT", status: "DRAFT" },
      });

      const seen = await read(created.id, partner);
      expect(seen?.services.map((s) => s.service.id)).toEqual([federal.esia]);
      expect((await read(created.id))?.services).toHaveLength(2);
      expect(await read(toGlobalId("LifeSituation", draft.id), partner)).toBeNull();

      const listed = await gql<Page>(PAGE, { first: 10, filter: { search: draft.code } }, partner);
      expect(listed.errors).toBeUndefined();
      expect(listed.data?.lifeSituations.totalCount).toBe(0);
      const page = await gql<Page>(PAGE, { first: 100 }, partner);
      expect(page.data?.lifeSituations.edges.map((e) => e.node.code)).toContain(created.code);
      expect(page.data?.lifeSituations.edges.every((e) => e.node.status === "PUBLISHED")).toBe(true);
    });
  });
});

function fromGlobal(globalId: string | undefined): string {
  const [, id] = Buffer.from(globalId ?? "", "base64")
    .toString()
    .split(":");
  return id ?? "";
}
