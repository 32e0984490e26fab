// Who may change which life situations (administrators federal ones, curators their regions'),
// codes checked, archive and restore logged.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { fromGlobalId, toGlobalId } from "../../api/lib/ids.js";
import { asUser, gql, mutate } from "../helpers/graphql.js";
import {
  createFederal,
  FIELDS,
  type LifeSituationFixtures,
  type LifeSituationNode,
  lifeSituationFixtures,
  PAGE,
  type Page,
  tag,
} from "../helpers/life-situations.js";

describe("who may change which life situations", () => {
  let { curator, regions } = {} as LifeSituationFixtures;
  beforeAll(async () => {
    ({ curator, regions } = await lifeSituationFixtures());
  });

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

    const id = (row: { id: string }) => toGlobalId("LifeSituation", row.id);
    /** A change as `headers`, the curator unless told otherwise. */
    const change = (name: string, input: Record<string, unknown>, headers = curator, inputType?: string) =>
      mutate<LifeSituationNode>(name, FIELDS, input, { headers, ...(inputType ? { inputType } : {}) });

    const changed = await change("updateLifeSituation", { id: id(own), version: 1, kind: "BUSINESS_EVENT" });
    expect(changed.outcome?.data).toMatchObject({ kind: "BUSINESS_EVENT", version: 2 });
    const [entry] = await prisma.changeLog.findMany({ where: { entity: "LifeSituation", entityId: own.id } });
    expect(entry?.changes).toEqual({ kind: { from: "LIFE_EVENT", to: "BUSINESS_EVENT" } });

    const onFederal = await change("archiveLifeSituation", { id: id(fed), version: 1 }, curator, "VersionedInput");
    expect(onFederal.outcome?.__typename).toBe("ForbiddenError");
    const onPskov = await change("updateLifeSituation", { id: id(pskov), version: 1, name: "x" });
    expect(onPskov.outcome?.__typename).toBe("NotFoundError");
    const federalCreate = await change("createLifeSituation", { code: `FED_${tag()}`, name: "x", kind: "LIFE_EVENT" });
    expect(federalCreate.outcome?.__typename).toBe("ForbiddenError");

    for (const email of ["auditor@dostup.local", "operator@dostup.local"]) {
      const refused = await change("updateLifeSituation", { id: id(own), version: 2, name: "x" }, await asUser(email));
      expect(refused.response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
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
    const bad = await mutate<LifeSituationNode>("createLifeSituation", FIELDS, {
      code: "bad code",
      name: "x",
      kind: "LIFE_EVENT",
    });
    expect(bad.outcome?.issues).toEqual([
      { field: "input.code", message: expect.stringMatching(/capital Latin letters/) },
    ]);
    const taken = await mutate<LifeSituationNode>("createLifeSituation", FIELDS, {
      code: "RETIREMENT",
      name: "x",
      kind: "LIFE_EVENT",
    });
    expect(taken.outcome?.__typename).toBe("ConflictError");
  });

  it("archives and restores, logging both; archived ones leave the list", async () => {
    const created = await createFederal([]);
    const versioned = (name: string, version: number) =>
      mutate<LifeSituationNode>(name, FIELDS, { id: created.id, version }, { inputType: "VersionedInput" });
    const archived = await versioned("archiveLifeSituation", 1);
    expect(archived.outcome?.data).toMatchObject({ status: "ARCHIVED", version: 2 });
    const listed = await gql<Page>(PAGE, { first: 5, filter: { search: created.code } });
    expect(listed.data?.lifeSituations.totalCount).toBe(0);
    const restored = await versioned("restoreLifeSituation", 2);
    expect(restored.outcome?.data).toMatchObject({ status: "PUBLISHED", version: 3 });
    const actions = await prisma.changeLog.findMany({
      where: { entityId: fromGlobalId("LifeSituation", created.id) },
      orderBy: { at: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["CREATE", "ARCHIVE", "RESTORE"]);
  });
});
