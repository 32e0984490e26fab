import { builder } from "../../builder.js";
import { CuratorRole, CuratorTarget } from "../../generated/prisma/client.js";
import { includes, seesInternal } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { archiveMutations, listConnection, orderByInput, rowMutation, type Types } from "../../shared.js";
import {
  ASSIGNMENT_HISTORY_ORDER,
  assignCurator,
  assignmentOrderBy,
  assignmentScope,
  assignmentWhere,
  endCuratorAssignment,
  updateCuratorAssignment,
} from "./assignments.service.js";
import {
  assignCuratorSchema,
  createPersonSchema,
  endCuratorAssignmentSchema,
  updateCuratorAssignmentSchema,
  updatePersonSchema,
} from "./people.inputs.js";
import {
  createPerson,
  fullName,
  PHOTO_SELECT,
  PHOTO_URL_TTL_SECONDS,
  personOrderBy,
  personScope,
  personWhere,
  photoUrl,
  setPersonArchived,
  updatePerson,
} from "./people.service.js";

export const CuratorRoleEnum = builder.enumType(CuratorRole, { name: "CuratorRole" });
export const CuratorTargetEnum = builder.enumType(CuratorTarget, { name: "CuratorTarget" });

export const Person = builder.prismaNode("Person", {
  description:
    "Someone responsible for services, centres or projects. Personal data: administrators, curators and auditors of the person's region only.",
  id: { field: "id" },
  // Out of scope reads as "no such node" (null), not as a failed lookup.
  nullable: true,
  // The list's scope, so a record out of scope (a partner's or an operator's every person) is
  // not found rather than found and refused, which would tell that it exists.
  findUnique: (id, ctx) => ({ id: safeUuid(id), AND: [personScope(ctx.access)] }),
  authScopes: (person, ctx) => seesInternal(ctx.access) && includes(ctx.access.read, person.regionId),
  fields: (t) => ({
    lastName: t.exposeString("lastName"),
    firstName: t.exposeString("firstName"),
    middleName: t.exposeString("middleName", { nullable: true }),
    fullName: t.string({ description: "Last, first and middle name.", resolve: fullName }),
    position: t.exposeString("position", { nullable: true }),
    email: t.exposeString("email", { nullable: true }),
    phone: t.exposeString("phone", { nullable: true }),
    photoConsent: t.exposeBoolean("photoConsent", { description: "Consent to publish the photo." }),
    photoConsentAt: t.expose("photoConsentAt", { type: "DateTime", nullable: true }),
    photoUrl: t.string({
      nullable: true,
      description: `A download URL of the photo, valid ${PHOTO_URL_TTL_SECONDS / 60} minutes; null without consent to its publication or without a verified photo.`,
      select: PHOTO_SELECT,
      resolve: (person) => photoUrl(person),
    }),
    photo: t.relation("photo", {
      nullable: true,
      description:
        "The current photo file (upload one with requestFileUpload, purpose PHOTO); shown publicly only with consent.",
    }),
    archivedAt: t.expose("archivedAt", { type: "DateTime", nullable: true }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    organisation: t.relation("organisation", { nullable: true }),
    region: t.relation("region"),
    assignments: t.relatedConnection("assignments", {
      description: "Everything the person was and is responsible for, newest first (closed periods included).",
      cursor: "id",
      totalCount: true,
      // A person may curate in regions the caller cannot see; those rows stay hidden.
      query: (_args, ctx) => ({ where: assignmentScope(ctx.access), orderBy: ASSIGNMENT_HISTORY_ORDER }),
    }),
  }),
});

export const CuratorAssignment = builder.prismaNode("CuratorAssignment", {
  description: "Who was responsible for what, where and when. Periods are closed, never rewritten or deleted.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id: safeUuid(id), AND: [assignmentScope(ctx.access)] }),
  authScopes: (assignment, ctx) => seesInternal(ctx.access) && includes(ctx.access.read, assignment.regionId),
  fields: (t) => ({
    role: t.expose("role", { type: CuratorRoleEnum }),
    targetType: t.expose("targetType", { type: CuratorTargetEnum }),
    validFrom: t.expose("validFrom", { type: "Date" }),
    validTo: t.expose("validTo", {
      type: "Date",
      nullable: true,
      description: "Last day of the period; null while active.",
    }),
    active: t.boolean({
      description: "The period is open (no end date).",
      resolve: (assignment) => assignment.validTo === null,
    }),
    primary: t.exposeBoolean("primary"),
    note: t.exposeString("note", { nullable: true }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    person: t.relation("person"),
    region: t.relation("region", { description: "Region of responsibility (the target itself for REGION)." }),
    service: t.relation("service", { nullable: true }),
    lifeSituation: t.relation("lifeSituation", { nullable: true }),
    centre: t.relation("centre", { nullable: true }),
    project: t.relation("project", { nullable: true }),
  }),
});

// ── Lists ──

const PersonFilter = builder.inputType("PersonFilter", {
  fields: (t) => ({
    search: t.string({ required: false, description: "Words of the name, in any order; % and _ match themselves." }),
    regionId: t.id({ required: false }),
    organisationId: t.id({ required: false }),
    includeArchived: t.boolean({ required: false }),
  }),
});

const PersonOrderBy = orderByInput("Person", ["NAME", "CREATED_AT"]);

const CuratorAssignmentFilter = builder.inputType("CuratorAssignmentFilter", {
  fields: (t) => ({
    regionId: t.id({ required: false }),
    personId: t.id({ required: false }),
    serviceId: t.id({ required: false }),
    lifeSituationId: t.id({ required: false }),
    centreId: t.id({ required: false }),
    projectId: t.id({ required: false }),
    targetType: t.field({ type: CuratorTargetEnum, required: false }),
    activeOnly: t.boolean({ required: false, description: "Only open periods (no end date)." }),
    primaryOnly: t.boolean({ required: false }),
  }),
});

const CuratorAssignmentOrderBy = orderByInput("CuratorAssignment", ["VALID_FROM", "CREATED_AT"]);

builder.queryFields((t) => ({
  people: listConnection(t, {
    type: "Person",
    authScopes: { internal: true },
    filter: PersonFilter,
    orderBy: PersonOrderBy,
    where: personWhere,
    order: personOrderBy,
  }),
  curatorAssignments: listConnection(t, {
    type: "CuratorAssignment",
    authScopes: { internal: true },
    filter: CuratorAssignmentFilter,
    orderBy: CuratorAssignmentOrderBy,
    where: assignmentWhere,
    order: assignmentOrderBy,
  }),
}));

// ── Mutations ──

/**
 * A person's own fields as both inputs take them, each declared once: all optional, except that
 * a new person needs a name. Only CreatePersonInput describes the organisation and the consent's
 * default. What each must hold is in people.inputs.ts.
 */
const personFieldInputs = (t: PothosSchemaTypes.InputFieldBuilder<Types, "InputObject">, creating: boolean) => ({
  organisationId: t.id({
    required: false,
    description: creating ? "An organisation of the same region." : undefined,
  }),
  lastName: t.string({ required: creating }),
  firstName: t.string({ required: creating }),
  middleName: t.string({ required: false }),
  position: t.string({ required: false }),
  email: t.string({ required: false }),
  phone: t.string({ required: false }),
  photoConsent: t.boolean({
    required: false,
    description: creating ? "Consent to publish the photo (default false)." : undefined,
  }),
});

const CreatePersonInput = builder
  .inputType("CreatePersonInput", {
    fields: (t) => ({
      regionId: t.id({ required: true }),
      ...personFieldInputs(t, true),
    }),
  })
  .validate(createPersonSchema);

const UpdatePersonInput = builder
  .inputType("UpdatePersonInput", {
    description:
      "Only the fields given change; `version` is the one you read (a stale one gives ConflictError). Giving photo consent records its date; withdrawing it clears the date.",
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      ...personFieldInputs(t, false),
    }),
  })
  .validate(updatePersonSchema);

const AssignCuratorInput = builder
  .inputType("AssignCuratorInput", {
    description:
      "Give exactly the target `targetType` names (none for REGION). A primary curator of a service, life situation or centre replaces the current one: that period ends the day before `validFrom`.",
    fields: (t) => ({
      personId: t.id({ required: true, description: "A person of the same region." }),
      role: t.field({ type: CuratorRoleEnum, required: true }),
      targetType: t.field({ type: CuratorTargetEnum, required: true }),
      serviceId: t.id({ required: false }),
      lifeSituationId: t.id({ required: false }),
      centreId: t.id({ required: false }),
      projectId: t.id({ required: false }),
      regionId: t.id({ required: true }),
      validFrom: t.field({ type: "Date", required: true }),
      primary: t.boolean({ required: true }),
      note: t.string({ required: false }),
    }),
  })
  .validate(assignCuratorSchema);

const EndCuratorAssignmentInput = builder
  .inputType("EndCuratorAssignmentInput", {
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      validTo: t.field({ type: "Date", required: true, description: "The last day of responsibility." }),
    }),
  })
  .validate(endCuratorAssignmentSchema);

const UpdateCuratorAssignmentInput = builder
  .inputType("UpdateCuratorAssignmentInput", {
    description: "Only the note can change; the period, person and target are history.",
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      note: t.string({ required: false }),
    }),
  })
  .validate(updateCuratorAssignmentSchema);

builder.mutationFields((t) => ({
  createPerson: rowMutation(t, {
    type: "Person",
    authScopes: { writer: true },
    input: CreatePersonInput,
    run: (input, ctx) => createPerson(ctx.access, input),
  }),
  updatePerson: rowMutation(t, {
    type: "Person",
    authScopes: { writer: true },
    input: UpdatePersonInput,
    run: (input, ctx) => updatePerson(ctx.access, input),
  }),
  ...archiveMutations(t, { type: "Person", setArchived: setPersonArchived }),
  assignCurator: rowMutation(t, {
    type: "CuratorAssignment",
    authScopes: { writer: true },
    input: AssignCuratorInput,
    run: (input, ctx) => assignCurator(ctx.access, input),
  }),
  endCuratorAssignment: rowMutation(t, {
    type: "CuratorAssignment",
    authScopes: { writer: true },
    input: EndCuratorAssignmentInput,
    run: (input, ctx) => endCuratorAssignment(ctx.access, input),
  }),
  updateCuratorAssignment: rowMutation(t, {
    type: "CuratorAssignment",
    authScopes: { writer: true },
    input: UpdateCuratorAssignmentInput,
    run: (input, ctx) => updateCuratorAssignment(ctx.access, input),
  }),
}));
