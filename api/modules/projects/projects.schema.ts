// Regional projects: the type, the list and their changes.
import { builder } from "../../builder.js";
import { zodInput } from "../../inputs.js";
import { includes } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { projectScope } from "../../lib/scopes.js";
import { listConnection, orderByInput, recordStamps, rowMutation } from "../../shared.js";
import { ASSIGNMENT_HISTORY_ORDER, assignmentScope } from "../people/assignments.service.js";
import { createProjectSchema, projectFilterSchema, updateProjectSchema } from "./projects.inputs.js";
import { createProject, projectOrderBy, projectWhere, updateProject } from "./projects.service.js";

export const Project = builder.prismaNode("Project", {
  description: "A regional project with its own curator.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id: safeUuid(id), AND: [projectScope(ctx.access)] }),
  authScopes: (project, ctx) => !ctx.access.partner && includes(ctx.access.read, project.regionId),
  fields: (t) => ({
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    ...recordStamps(t),
    region: t.relation("region"),
    curatorAssignments: t.relatedConnection("curatorAssignments", {
      cursor: "id",
      totalCount: true,
      query: (_args, ctx) => ({ where: assignmentScope(ctx.access), orderBy: ASSIGNMENT_HISTORY_ORDER }),
    }),
  }),
});

const ProjectFilter = zodInput("ProjectFilter", projectFilterSchema);

const ProjectOrderBy = orderByInput("Project", ["NAME", "CREATED_AT"]);

const CreateProjectInput = zodInput("CreateProjectInput", createProjectSchema);

const UpdateProjectInput = zodInput("UpdateProjectInput", updateProjectSchema);

builder.queryFields((t) => ({
  projects: listConnection(t, {
    type: "Project",
    authScopes: { staff: true },
    filter: { input: ProjectFilter, where: projectWhere },
    orderBy: { input: ProjectOrderBy, order: projectOrderBy },
  }),
}));

builder.mutationFields((t) => ({
  createProject: rowMutation(t, {
    type: "Project",
    description:
      "Creates a project (e.g. «Государственные услуги — это просто!») of a region, or a federal one (administrators).",
    input: CreateProjectInput,
    run: createProject,
  }),
  updateProject: rowMutation(t, {
    type: "Project",
    description: "Changes a project; only the fields given change, at the version you read.",
    input: UpdateProjectInput,
    run: updateProject,
  }),
}));
