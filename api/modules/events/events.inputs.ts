// What an event's inputs must hold, checked by the validation plugin on their GraphQL input
// types (events.schema.ts); the service takes what these give and checks what needs the
// database (that the organisation, centre, project and municipalities are of the event's region).
import { z } from "zod";
import { EventAudience, EventKind } from "../../generated/prisma/client.js";
import type { FieldProblem } from "../../lib/errors.js";
import { globalId, nullAsAbsent, optionalText, text, whenValid } from "../../lib/validate.js";

/** The most municipalities one event lists (a region-wide campaign covers every district). */
export const MAX_EVENT_MUNICIPALITIES = 100;

const kind = z.enum(EventKind);
const audience = z.enum(EventAudience);

export const eventFilterSchema = z.object({
  regionId: z.string().nullish(),
  kind: kind.nullish(),
  audience: audience.nullish(),
  from: z.date().nullish().describe("Events ending on or after this day."),
  to: z.date().nullish().describe("Events starting on or before this day."),
  projectId: z.string().nullish(),
  search: z.string().trim().max(200).nullish().describe("Part of the title; % and _ match themselves."),
  includeArchived: z.boolean().nullish().describe("Also archived events (staff only)."),
});
export type EventFilterData = z.output<typeof eventFilterSchema>;

const eventFields = {
  kind,
  title: text(500),
  startsOn: z.date(),
  endsOn: z.date().describe("On or after startsOn."),
  audience,
  participants: z
    .number()
    .int("WHOLE_NUMBER")
    .min(0, "NEGATIVE_NOT_ALLOWED")
    .max(10_000_000)
    .nullish()
    .describe("Zero or more; null when not counted."),
  hostOrganisationId: globalId.nullish().describe("An organisation of the event's region."),
  centreId: globalId.nullish().describe("A centre of the event's region."),
  projectId: globalId.nullish().describe("A project of the event's region."),
  description: optionalText(5000),
  municipalityIds: z.array(globalId).max(MAX_EVENT_MUNICIPALITIES, "EVENT_TOO_MANY_MUNICIPALITIES"),
};

/**
 * What is wrong with an event's dates (the field below `input`), if anything: checked on a new
 * event here, and by the service on an existing one merged with its changes.
 */
export function eventDatesIssue(e: { startsOn: Date; endsOn: Date }): FieldProblem | null {
  if (e.endsOn < e.startsOn) return { field: "endsOn", code: "EVENT_ENDS_BEFORE_START" };
  if (e.endsOn.getTime() - e.startsOn.getTime() > 366 * 86_400_000) return { field: "endsOn", code: "EVENT_TOO_LONG" };
  return null;
}

function checkDates(data: { startsOn: Date; endsOn: Date }, ctx: z.RefinementCtx<unknown>): void {
  const issue = eventDatesIssue(data);
  if (issue) ctx.addIssue({ code: "custom", path: [issue.field], message: issue.code });
}

/** Columns a null may clear; a null for any other field means "not given" (unchanged). */
const CLEARABLE = { except: ["participants", "hostOrganisationId", "centreId", "projectId", "description"] };

export const createEventSchema = nullAsAbsent(
  z
    .object({
      regionId: globalId,
      ...eventFields,
      municipalityIds: eventFields.municipalityIds
        .default([])
        .describe("Municipalities of the event's region it covered."),
    })
    .superRefine(checkDates, whenValid),
  CLEARABLE,
);
export type CreateEventData = z.output<typeof createEventSchema>;

export const updateEventSchema = nullAsAbsent(
  z
    .object({ id: globalId, version: z.number().int() })
    .extend({
      ...z.object(eventFields).partial().shape,
      municipalityIds: eventFields.municipalityIds
        .optional()
        .describe("Replaces the municipalities when given (an empty list clears them)."),
    })
    .superRefine((data, ctx) => {
      if (data.startsOn && data.endsOn) checkDates({ startsOn: data.startsOn, endsOn: data.endsOn }, ctx);
    }, whenValid),
  CLEARABLE,
);
export type UpdateEventData = z.output<typeof updateEventSchema>;
