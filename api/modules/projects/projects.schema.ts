// Regional projects: the type, the list and their changes.
import { builder } from "../../builder.js";
import { includes } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import { safeUuid } from "../../lib/ids.js";
import { projectScope } from "../../lib/scopes.js";
import { orderByInput, rowMutation } from "../../shared.js";
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

const CreateProjectInput = builder
  .inputType("CreateProjectInput", {
    fields: (t) => ({
      regionId: t.id({ required: true }),
      name: t.string({ required: true }),
      description: t.string({ required: false }),
    }),
  })
  .validate(createProjectSchema);

const UpdateProjectInput = builder
  .inputType("UpdateProjectInput", {
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      name: t.string({ required: false }),
      description: t.string({ required: false }),
    }),
  })
  .validate(updateProjectSchema);

builder.queryFields((t) => ({
  projects: t.prismaConnection({
    type: "Project",
    cursor: "id",
    authScopes: { staff: true },
    args: {
      filter: t.arg({ type: ProjectFilter, required: false }),
      orderBy: t.arg({ type: ProjectOrderBy, required: false }),
    },
    resolve: (query, _root, args, ctx) =>
      prisma.project.findMany({
        ...query,
        where: projectWhere(ctx.access, args.filter),
        orderBy: projectOrderBy(args.orderBy),
      }),
    totalCount: (_root, args, ctx) => prisma.project.count({ where: projectWhere(ctx.access, args.filter) }),
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
