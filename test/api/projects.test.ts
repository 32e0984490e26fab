// Projects: made and changed by curators in their regions, versioned and logged.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { gql, mutate } from "../helpers/graphql.js";
import { localId, type PeopleFixtures, peopleFixtures, run } from "../helpers/people.js";

let { curator, auditor, smolensk, pskov } = {} as PeopleFixtures;
beforeAll(async () => {
  ({ curator, auditor, smolensk, pskov } = await peopleFixtures());
});

describe("projects", () => {
  it("creates and updates a project in the curator's region, with ChangeLog and version checks", async () => {
    const created = await mutate<{ id: string; name: string; version: number; region: { code: string } }>(
      "createProject",
      "id name version region { code }",
      { regionId: smolensk.gid, name: `Проект ${run}`, description: "Помощь библиотек" },
      { headers: curator },
    );
    expect(created.outcome?.__typename).toBe("MutationCreateProjectSuccess");
    const project = created.outcome?.data as { id: string; version: number };
    const updated = await mutate<{ name: string; version: number }>(
      "updateProject",
      "name version",
      { id: project.id, version: project.version, name: `Проект ${run} (2)` },
      { headers: curator },
    );
    expect(updated.outcome?.data).toEqual({ name: `Проект ${run} (2)`, version: 2 });
    const stale = await mutate(
      "updateProject",
      "name",
      { id: project.id, version: 1, name: "Устаревшее" },
      { headers: curator },
    );
    expect(stale.outcome?.__typename).toBe("ConflictError");
    const list = await gql<{ projects: { totalCount: number } }>(
      `query P($filter: ProjectFilter) { projects(filter: $filter) { totalCount } }`,
      { filter: { search: `Проект ${run}` } },
      auditor,
    );
    expect(list.data?.projects.totalCount).toBe(1);
    const logs = await prisma.changeLog.findMany({ where: { entity: "Project", entityId: localId(project.id) } });
    expect(logs.map((l) => l.action).sort()).toEqual(["CREATE", "UPDATE"]);
    const outside = await mutate("createProject", "id", { regionId: pskov.gid, name: "Чужой" }, { headers: curator });
    expect(outside.outcome?.__typename).toBe("NotFoundError");
  });
});
