import { builder } from "../../builder.js";
import { CuratorRole, CuratorTarget } from "../../generated/prisma/client.js";
import { zodInput } from "../../inputs.js";
import { includes, seesInternal } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { archiveMutations, listConnection, orderByInput, recordStamps, rowMutation } from "../../shared.js";
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
  curatorAssignmentFilterSchema,
  endCuratorAssignmentSchema,
  personFilterSchema,
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
    contactsConsent: t.exposeBoolean("contactsConsent", {
      description: "Consent to publish the email and phone in the public curator directory.",
    }),
    contactsConsentAt: t.expose("contactsConsentAt", { type: "DateTime", nullable: true }),
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
    ...recordStamps(t),
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
    ...recordStamps(t),
    person: t.relation("person"),
    region: t.relation("region", { description: "Region of responsibility (the target itself for REGION)." }),
    municipality: t.relation("municipality", {
      nullable: true,
      description: "The municipality of a municipal curator; null for the region's own curator.",
    }),
    service: t.relation("service", { nullable: true }),
    lifeSituation: t.relation("lifeSituation", { nullable: true }),
    centre: t.relation("centre", { nullable: true }),
    project: t.relation("project", { nullable: true }),
  }),
});

// ── Lists ──

const PersonFilter = zodInput("PersonFilter", personFilterSchema);

const PersonOrderBy = orderByInput("Person", ["NAME", "CREATED_AT"]);

const CuratorAssignmentFilter = zodInput("CuratorAssignmentFilter", curatorAssignmentFilterSchema, {
  types: { targetType: CuratorTargetEnum },
});

const CuratorAssignmentOrderBy = orderByInput("CuratorAssignment", ["VALID_FROM", "CREATED_AT"]);

builder.queryFields((t) => ({
  people: listConnection(t, {
    type: "Person",
    authScopes: { internal: true },
    filter: { input: PersonFilter, where: personWhere },
    orderBy: { input: PersonOrderBy, order: personOrderBy },
  }),
  curatorAssignments: listConnection(t, {
    type: "CuratorAssignment",
    authScopes: { internal: true },
    filter: { input: CuratorAssignmentFilter, where: assignmentWhere },
    orderBy: { input: CuratorAssignmentOrderBy, order: assignmentOrderBy },
  }),
}));

// ── Mutations ──

const CreatePersonInput = zodInput("CreatePersonInput", createPersonSchema);

const UpdatePersonInput = zodInput("UpdatePersonInput", updatePersonSchema, {
  description:
    "Only the fields given change; `version` is the one you read (a stale one gives ConflictError). Giving photo or contacts consent records its date; withdrawing it clears the date.",
});

const AssignCuratorInput = zodInput("AssignCuratorInput", assignCuratorSchema, {
  description:
    "Give exactly the target `targetType` names (none for REGION). A primary curator of a service, life situation or centre replaces the current one of the same region and municipality (none: the region's own curator): that period ends the day before `validFrom`.",
  types: { role: CuratorRoleEnum, targetType: CuratorTargetEnum },
});

const EndCuratorAssignmentInput = zodInput("EndCuratorAssignmentInput", endCuratorAssignmentSchema);

const UpdateCuratorAssignmentInput = zodInput("UpdateCuratorAssignmentInput", updateCuratorAssignmentSchema, {
  description: "Only the note can change; the period, person and target are history.",
});

builder.mutationFields((t) => ({
  createPerson: rowMutation(t, {
    type: "Person",
    description: "Adds a person (a future curator, say) to a region's directory of people.",
    input: CreatePersonInput,
    run: createPerson,
  }),
  updatePerson: rowMutation(t, {
    type: "Person",
    description: "Changes a person's card; only the fields given change, at the version you read.",
    input: UpdatePersonInput,
    run: updatePerson,
  }),
  ...archiveMutations(t, { type: "Person", setArchived: setPersonArchived }),
  assignCurator: rowMutation(t, {
    type: "CuratorAssignment",
    description:
      "Makes a person a curator (primary or not) of a service, life situation, centre or project of a region from a date.",
    input: AssignCuratorInput,
    run: assignCurator,
  }),
  endCuratorAssignment: rowMutation(t, {
    type: "CuratorAssignment",
    input: EndCuratorAssignmentInput,
    run: endCuratorAssignment,
  }),
  updateCuratorAssignment: rowMutation(t, {
    type: "CuratorAssignment",
    input: UpdateCuratorAssignmentInput,
    run: updateCuratorAssignment,
  }),
}));
