// The event register: seminars, forums, webinars, campaigns… a region held, with what and whom
// they covered. Curators keep their regions' events here instead of spreadsheets.
import type { Prisma } from "../../generated/prisma/client.js";
import { type Access, assertWritable, includes } from "../../lib/access.js";
import { change, log, saveArchived, saveRow, type Tx } from "../../lib/change.js";
import { NotFoundError, ValidationError } from "../../lib/errors.js";
import { archivedIfAsked, inRegionOf, type OrderBy, searchIn } from "../../lib/filters.js";
import { fromGlobalId } from "../../lib/ids.js";
import { eventScope, writableRegion } from "../../lib/scopes.js";
import type { MessageCode } from "../../messages/index.js";
import { type CreateEventData, type EventFilterData, eventDatesIssue, type UpdateEventData } from "./events.inputs.js";

export type EventOrderByInput = OrderBy<"STARTS_ON" | "TITLE">;

export function eventWhere(access: Access, filter?: EventFilterData | null): Prisma.EventWhereInput {
  return {
    AND: [
      eventScope(access),
      // Partners never see archived events, whatever they ask.
      archivedIfAsked(access, filter),
      inRegionOf(filter),
      filter?.kind ? { kind: filter.kind } : {},
      filter?.audience ? { audience: filter.audience } : {},
      // Events overlapping the period: a forum of 30 May – 1 June belongs to May and to June.
      filter?.from ? { endsOn: { gte: filter.from } } : {},
      filter?.to ? { startsOn: { lte: filter.to } } : {},
      filter?.projectId ? { projectId: fromGlobalId("Project", filter.projectId, "filter.projectId") } : {},
      searchIn(filter?.search, ["title"]),
    ],
  };
}

export function eventOrderBy(orderBy?: EventOrderByInput | null): Prisma.EventOrderByWithRelationInput[] {
  // The newest events first unless asked otherwise: the register is read from the latest.
  if (!orderBy) return [{ startsOn: "desc" }, { id: "desc" }];
  const direction = orderBy.direction === "DESC" ? "desc" : "asc";
  return [orderBy.field === "TITLE" ? { title: direction } : { startsOn: direction }, { id: direction }];
}

// ── What an event refers to: all of its own region ──

type References = Pick<CreateEventData, "hostOrganisationId" | "centreId" | "projectId">;

/**
 * The local ids of the organisation, centre and project an input names (null clears, absent
 * keeps), each of `regionId`: one the caller cannot read is not found; one of another region
 * is a mistake in the input.
 */
/** A reference of another region than the event's, by the kind of record it names. */
const OUTSIDE_EVENT_REGION: Record<"organisation" | "centre" | "project", MessageCode> = {
  organisation: "EVENT_ORGANISATION_OUTSIDE_REGION",
  centre: "EVENT_CENTRE_OUTSIDE_REGION",
  project: "EVENT_PROJECT_OUTSIDE_REGION",
};

async function referencesIn(tx: Tx, access: Access, regionId: string, input: Partial<References>) {
  const result: { hostOrganisationId?: string | null; centreId?: string | null; projectId?: string | null } = {};
  const check = async (
    field: keyof References,
    type: "Organisation" | "Centre" | "Project",
    label: keyof typeof OUTSIDE_EVENT_REGION,
    find: (id: string) => Promise<{ regionId: string } | null>,
  ) => {
    const given = input[field];
    if (given === undefined) return;
    if (given === null) {
      result[field] = null;
      return;
    }
    const id = fromGlobalId(type, given, `input.${field}`);
    const row = await find(id);
    if (!row || !includes(access.read, row.regionId)) throw new NotFoundError(label);
    if (row.regionId !== regionId) throw ValidationError.of(`input.${field}`, OUTSIDE_EVENT_REGION[label]);
    result[field] = id;
  };
  await check("hostOrganisationId", "Organisation", "organisation", (id) =>
    tx.organisation.findUnique({ where: { id } }),
  );
  await check("centreId", "Centre", "centre", (id) => tx.centre.findUnique({ where: { id } }));
  await check("projectId", "Project", "project", (id) => tx.project.findUnique({ where: { id } }));
  return result;
}

/** The local ids of the municipalities an input names, each once, all of `regionId`. */
async function municipalitiesIn(tx: Tx, access: Access, regionId: string, globalIds: string[]): Promise<string[]> {
  const ids = globalIds.map((gid, i) => fromGlobalId("Municipality", gid, `input.municipalityIds.${i}`));
  const found = new Map(
    (await tx.municipality.findMany({ where: { id: { in: ids } } })).map((m) => [m.id, m.regionId] as const),
  );
  for (const [i, id] of ids.entries()) {
    const region = found.get(id);
    if (!region || !includes(access.read, region)) throw new NotFoundError("municipality");
    if (region !== regionId)
      throw ValidationError.of(`input.municipalityIds.${i}`, "EVENT_MUNICIPALITIES_OUTSIDE_REGION");
  }
  return [...new Set(ids)];
}

/** The municipalities of an event as the change log records them: their ids, sorted. */
const municipalityLog = (rows: { municipalityId: string }[]) => rows.map((r) => r.municipalityId).sort();

// ── Changes ──

export async function createEvent(access: Access, data: CreateEventData) {
  const { regionId: regionGlobalId, municipalityIds, hostOrganisationId, centreId, projectId, ...fields } = data;
  return change("event", async (tx) => {
    const region = await writableRegion(tx, access, regionGlobalId, "event");
    const references = await referencesIn(tx, access, region.id, { hostOrganisationId, centreId, projectId });
    const municipalities = await municipalitiesIn(tx, access, region.id, municipalityIds);
    const event = await tx.event.create({
      data: {
        ...fields,
        ...references,
        regionId: region.id,
        municipalities: { create: municipalities.map((municipalityId) => ({ municipalityId })) },
      },
    });
    await log(tx, access, {
      entity: "Event",
      entityId: event.id,
      action: "CREATE",
      regionId: event.regionId,
      after: { ...event, municipalityIds: [...municipalities].sort() },
    });
    return event;
  });
}

async function writableEvent(tx: Tx, access: Access, globalId: string) {
  const event = await tx.event.findFirst({
    where: { id: fromGlobalId("Event", globalId, "input.id"), AND: [eventScope(access)] },
    include: { municipalities: { select: { municipalityId: true } } },
  });
  if (!event) throw new NotFoundError("event");
  assertWritable(access, event.regionId, "event");
  return event;
}

export async function updateEvent(access: Access, data: UpdateEventData) {
  const { id, version, municipalityIds, hostOrganisationId, centreId, projectId, ...fields } = data;
  return change("event", async (tx) => {
    const { municipalities: beforeMunicipalities, ...before } = await writableEvent(tx, access, id);
    const issue = eventDatesIssue({ ...before, ...fields });
    if (issue) throw ValidationError.of(`input.${issue.field}`, issue.code);
    const references = await referencesIn(tx, access, before.regionId, { hostOrganisationId, centreId, projectId });
    const municipalities = municipalityIds && (await municipalitiesIn(tx, access, before.regionId, municipalityIds));
    const after = await saveRow(tx, access, {
      entity: "Event",
      label: "event",
      before,
      version,
      action: "UPDATE",
      data: { ...fields, ...references },
      note:
        municipalities &&
        JSON.stringify(municipalityLog(beforeMunicipalities)) !== JSON.stringify([...municipalities].sort())
          ? { municipalityIds: { from: municipalityLog(beforeMunicipalities), to: [...municipalities].sort() } }
          : undefined,
    });
    // The set is replaced after the versioned update, so a stale version changes nothing.
    if (municipalities) {
      await tx.eventMunicipality.deleteMany({ where: { eventId: before.id } });
      await tx.eventMunicipality.createMany({
        data: municipalities.map((municipalityId) => ({ eventId: before.id, municipalityId })),
      });
    }
    return after;
  });
}

export async function setEventArchived(access: Access, input: { id: string; version: number }, archived: boolean) {
  return change("event", async (tx) => {
    const { municipalities: _m, ...before } = await writableEvent(tx, access, input.id);
    return saveArchived(tx, access, { entity: "Event", label: "event", before, version: input.version, archived });
  });
}
