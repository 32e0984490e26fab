// Regional projects, each with its own curator (modules/people assigns curators to them).
import type { Prisma } from "../../generated/prisma/client.js";
import { type Access, assertWritable } from "../../lib/access.js";
import { change, log, saveRow } from "../../lib/change.js";
import { NotFoundError } from "../../lib/errors.js";
import { escapeLike, fromGlobalId } from "../../lib/ids.js";
import { projectScope, writableRegion } from "../../lib/scopes.js";
import type { CreateProjectData, UpdateProjectData } from "./projects.inputs.js";

export interface ProjectFilterInput {
  search?: string | null;
  regionId?: string | null;
}

export interface ProjectOrderByInput {
  field: "NAME" | "CREATED_AT";
  direction: "ASC" | "DESC";
}

export function projectWhere(access: Access, filter?: ProjectFilterInput | null): Prisma.ProjectWhereInput {
  const search = filter?.search?.trim();
  return {
    AND: [
      projectScope(access),
      filter?.regionId ? { regionId: fromGlobalId("Region", filter.regionId, "filter.regionId") } : {},
      search ? { name: { contains: escapeLike(search), mode: "insensitive" } } : {},
    ],
  };
}

export function projectOrderBy(orderBy?: ProjectOrderByInput | null): Prisma.ProjectOrderByWithRelationInput[] {
  const direction = orderBy?.direction === "DESC" ? "desc" : "asc";
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
    const before = await tx.project.findFirst({
      where: { id: fromGlobalId("Project", id, "input.id"), ...projectScope(access) },
    });
    if (!before) throw new NotFoundError("project");
    assertWritable(access, before.regionId, "project");
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
