// The event register: the type, the list and its changes.
import { builder } from "../../builder.js";
import { includes } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import {
  archiveMutations,
  EventAudienceEnum,
  EventKindEnum,
  listConnection,
  orderByInput,
  rowMutation,
  type Types,
} from "../../shared.js";
import { Municipality } from "../geography/geography.schema.js";
import { createEventSchema, updateEventSchema } from "./events.inputs.js";
import { createEvent, eventOrderBy, eventScope, eventWhere, setEventArchived, updateEvent } from "./events.service.js";

export const Event = builder.prismaNode("Event", {
  description:
    "An event a region held (seminar, forum, webinar, conference, campaign, lecture, consultation day, working meeting): the register that replaces the regions' spreadsheets.",
  id: { field: "id" },
  select: { id: true, regionId: true, archivedAt: true },
  // Out of scope or unknown: node(id) answers null, like an id that never existed.
  nullable: true,
  // node(id) finds only events in the caller's scope (partners: not archived), as the list does.
  findUnique: (id, ctx) => ({ id: safeUuid(id), AND: [eventScope(ctx.access)] }),
  // Events are activity, like mobile visits: staff of the region, and partner keys for figures.
  authScopes: (event, ctx) =>
    includes(ctx.access.read, event.regionId) &&
    !(ctx.access.partner && event.archivedAt) && { staff: true, partner: "statistics:read" },
  fields: (t) => ({
    kind: t.expose("kind", { type: EventKindEnum }),
    title: t.exposeString("title"),
    startsOn: t.expose("startsOn", { type: "Date" }),
    endsOn: t.expose("endsOn", { type: "Date", description: "The last day (the first, for a one-day event)." }),
    audience: t.expose("audience", { type: EventAudienceEnum }),
    participants: t.exposeInt("participants", { nullable: true, description: "How many took part, where counted." }),
    description: t.exposeString("description", { nullable: true }),
    archivedAt: t.expose("archivedAt", { type: "DateTime", nullable: true }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    region: t.relation("region"),
    // From the figures into the registry: a statistics-only key is told which scope opens them.
    hostOrganisation: t.relation("hostOrganisation", {
      nullable: true,
      authScopes: { staff: true, partner: "registry:read" },
    }),
    centre: t.relation("centre", { nullable: true, authScopes: { staff: true, partner: "registry:read" } }),
    // Projects are internal records of a region: no partner key reads them.
    project: t.relation("project", { nullable: true, authScopes: { staff: true } }),
    municipalities: t.field({
      type: [Municipality],
      description: "The municipalities the event covered, by name.",
      select: (_args, _ctx, nestedSelection) => ({
        municipalities: {
          select: { municipality: nestedSelection(true) },
          orderBy: [{ municipality: { name: "asc" } }, { municipalityId: "asc" }],
        },
      }),
      resolve: (event) => event.municipalities.map((row) => row.municipality),
    }),
  }),
});

const EventFilter = builder.inputType("EventFilter", {
  fields: (t) => ({
    regionId: t.id({ required: false }),
    kind: t.field({ type: EventKindEnum, required: false }),
    audience: t.field({ type: EventAudienceEnum, required: false }),
    from: t.field({ type: "Date", required: false, description: "Events ending on or after this day." }),
    to: t.field({ type: "Date", required: false, description: "Events starting on or before this day." }),
    projectId: t.id({ required: false }),
    search: t.string({ required: false, description: "Part of the title; % and _ match themselves." }),
    includeArchived: t.boolean({ required: false, description: "Also archived events (staff only)." }),
  }),
});

const EventOrderBy = orderByInput("Event", ["STARTS_ON", "TITLE"], "Newest first (STARTS_ON DESC) when not given.");

/** An event's own fields as both inputs take them: all optional, except what a new event needs. */
const eventFieldInputs = (t: PothosSchemaTypes.InputFieldBuilder<Types, "InputObject">, creating: boolean) => ({
  kind: t.field({ type: EventKindEnum, required: creating }),
  title: t.string({ required: creating }),
  startsOn: t.field({ type: "Date", required: creating }),
  endsOn: t.field({ type: "Date", required: creating, description: "On or after startsOn." }),
  audience: t.field({ type: EventAudienceEnum, required: creating }),
  participants: t.int({ required: false, description: "Zero or more; null when not counted." }),
  hostOrganisationId: t.id({ required: false, description: "An organisation of the event's region." }),
  centreId: t.id({ required: false, description: "A centre of the event's region." }),
  projectId: t.id({ required: false, description: "A project of the event's region." }),
  description: t.string({ required: false }),
  municipalityIds: t.idList({
    required: false,
    description: creating
      ? "Municipalities of the event's region it covered."
      : "Replaces the municipalities when given (an empty list clears them).",
  }),
});

const CreateEventInput = builder
  .inputType("CreateEventInput", {
    fields: (t) => ({ regionId: t.id({ required: true }), ...eventFieldInputs(t, true) }),
  })
  .validate(createEventSchema);

const UpdateEventInput = builder
  .inputType("UpdateEventInput", {
    description: "Only the fields given change; a null clears participants, the references and the description.",
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      ...eventFieldInputs(t, false),
    }),
  })
  .validate(updateEventSchema);

builder.queryFields((t) => ({
  events: listConnection(t, {
    type: "Event",
    description: "The event register: the regions' seminars, forums, webinars, campaigns and meetings.",
    authScopes: { staff: true, partner: "statistics:read" },
    filter: EventFilter,
    orderBy: EventOrderBy,
    where: eventWhere,
    order: eventOrderBy,
  }),
}));

builder.mutationFields((t) => ({
  createEvent: rowMutation(t, {
    type: "Event",
    description: "Records an event in the register of its region.",
    authScopes: { writer: true },
    input: CreateEventInput,
    run: (input, ctx) => createEvent(ctx.access, input),
  }),
  updateEvent: rowMutation(t, {
    type: "Event",
    authScopes: { writer: true },
    input: UpdateEventInput,
    run: (input, ctx) => updateEvent(ctx.access, input),
  }),
  ...archiveMutations(t, {
    type: "Event",
    setArchived: setEventArchived,
    descriptions: {
      archive: "Takes an event out of the register's lists (partners no longer see it).",
      restore: "Puts an archived event back.",
    },
  }),
}));
