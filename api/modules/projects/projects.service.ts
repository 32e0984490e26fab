// Regional projects, each with its own curator (modules/people assigns curators to them).
import type { Prisma } from "../../generated/prisma/client.js";
import type { Access } from "../../lib/access.js";
import { change, log, saveRow } from "../../lib/change.js";
import { directionOf, inRegionOf, type OrderBy, searchIn } from "../../lib/filters.js";
import { fromGlobalId } from "../../lib/ids.js";
import { writableRow } from "../../lib/rows.js";
import { projectScope, writableRegion } from "../../lib/scopes.js";
import type { CreateProjectData, ProjectFilterData, UpdateProjectData } from "./projects.inputs.js";

export type ProjectOrderByInput = OrderBy<"NAME" | "CREATED_AT">;

export function projectWhere(access: Access, filter?: ProjectFilterData | null): Prisma.ProjectWhereInput {
  return {
    AND: [projectScope(access), inRegionOf(filter), searchIn(filter?.search, ["name"])],
  };
}

export function projectOrderBy(orderBy?: ProjectOrderByInput | null): Prisma.ProjectOrderByWithRelationInput[] {
  const direction = directionOf(orderBy);
  return [orderBy?.field === "CREATED_AT" ? { createdAt: direction } : { name: direction }, { id: direction }];
}

export async function createProject(access: Access, { regionId, ...fields }: CreateProjectData) {
  return change("project", async (tx) => {
    const region = await writableRegion(tx, access, regionId, "project");
    const project = await tx.project.create({ data: { ...fields, regionId: region.id } });
    await log(tx, access, {
      entity: "Project",
      entityId: project.id,
      action: "CREATE",
      regionId: project.regionId,
      after: project,
    });
    return project;
  });
}

export async function updateProject(access: Access, { id, version, ...fields }: UpdateProjectData) {
  return change("project", async (tx) => {
    const where = { id: fromGlobalId("Project", id, "input.id"), ...projectScope(access) };
    const before = writableRow(access, "project", await tx.project.findFirst({ where }));
    return saveRow(tx, access, {
      entity: "Project",
      label: "project",
      before,
      version,
      action: "UPDATE",
      data: fields,
    });
  });
}
