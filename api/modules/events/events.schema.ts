// The event register: the type, the list and its changes.
import { builder } from "../../builder.js";
import { zodInput } from "../../inputs.js";
import { includes } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";
import { eventScope } from "../../lib/scopes.js";
import {
  archiveMutations,
  EventAudienceEnum,
  EventKindEnum,
  listConnection,
  orderByInput,
  recordStamps,
  rowMutation,
} from "../../shared.js";
import { Municipality } from "../geography/geography.schema.js";
import { createEventSchema, eventFilterSchema, updateEventSchema } from "./events.inputs.js";
import { createEvent, eventOrderBy, eventWhere, setEventArchived, updateEvent } from "./events.service.js";

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
    ...recordStamps(t),
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
    // materials: files.schema.ts (the files module adds them, as it does a report's files).
  }),
});

const EventFilter = zodInput("EventFilter", eventFilterSchema, {
  types: { kind: EventKindEnum, audience: EventAudienceEnum },
});

const EventOrderBy = orderByInput("Event", ["STARTS_ON", "TITLE"], "Newest first (STARTS_ON DESC) when not given.");

const eventTypes = { kind: EventKindEnum, audience: EventAudienceEnum } as const;

const CreateEventInput = zodInput("CreateEventInput", createEventSchema, { types: eventTypes });

const UpdateEventInput = zodInput("UpdateEventInput", updateEventSchema, {
  description: "Only the fields given change; a null clears participants, the references and the description.",
  types: eventTypes,
});

builder.queryFields((t) => ({
  events: listConnection(t, {
    type: "Event",
    description: "The event register: the regions' seminars, forums, webinars, campaigns and meetings.",
    authScopes: { staff: true, partner: "statistics:read" },
    filter: { input: EventFilter, where: eventWhere },
    orderBy: { input: EventOrderBy, order: eventOrderBy },
  }),
}));

builder.mutationFields((t) => ({
  createEvent: rowMutation(t, {
    type: "Event",
    description: "Records an event in the register of its region.",
    input: CreateEventInput,
    run: createEvent,
  }),
  updateEvent: rowMutation(t, {
    type: "Event",
    description: "Corrects an event of the register; only the fields given change, at the version you read.",
    input: UpdateEventInput,
    run: updateEvent,
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
