// Regional projects: the type, the list and their changes.
import { builder } from "../../builder.js";
import { includes } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { projectScope } from "../../lib/scopes.js";
import { listConnection, orderByInput, rowMutation, type Types } from "../../shared.js";
import { ASSIGNMENT_HISTORY_ORDER, assignmentScope } from "../people/assignments.service.js";
import { createProjectSchema, updateProjectSchema } from "./projects.inputs.js";
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
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    region: t.relation("region"),
    curatorAssignments: t.relatedConnection("curatorAssignments", {
      cursor: "id",
      totalCount: true,
      query: (_args, ctx) => ({ where: assignmentScope(ctx.access), orderBy: ASSIGNMENT_HISTORY_ORDER }),
    }),
  }),
});

const ProjectFilter = builder.inputType("ProjectFilter", {
  fields: (t) => ({
    search: t.string({ required: false, description: "Part of the name; % and _ match themselves." }),
    regionId: t.id({ required: false }),
  }),
});

const ProjectOrderBy = orderByInput("Project", ["NAME", "CREATED_AT"]);

/** A project's own fields as both inputs take them: all optional, except a new project's name. */
const projectFieldInputs = (t: PothosSchemaTypes.InputFieldBuilder<Types, "InputObject">, creating: boolean) => ({
  name: t.string({ required: creating }),
  description: t.string({ required: false }),
});

const CreateProjectInput = builder
  .inputType("CreateProjectInput", {
    fields: (t) => ({
      regionId: t.id({ required: true }),
      ...projectFieldInputs(t, true),
    }),
  })
  .validate(createProjectSchema);

const UpdateProjectInput = builder
  .inputType("UpdateProjectInput", {
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      ...projectFieldInputs(t, false),
    }),
  })
  .validate(updateProjectSchema);

builder.queryFields((t) => ({
  projects: listConnection(t, {
    type: "Project",
    authScopes: { staff: true },
    filter: ProjectFilter,
    orderBy: ProjectOrderBy,
    where: projectWhere,
    order: projectOrderBy,
  }),
}));

builder.mutationFields((t) => ({
  createProject: rowMutation(t, {
    type: "Project",
    authScopes: { writer: true },
    input: CreateProjectInput,
    run: (input, ctx) => createProject(ctx.access, input),
  }),
  updateProject: rowMutation(t, {
    type: "Project",
    authScopes: { writer: true },
    input: UpdateProjectInput,
    run: (input, ctx) => updateProject(ctx.access, input),
  }),
}));
