// What the inputs of a centre's details must hold, checked by the validation plugin on their
// GraphQL input types (centre-details.schema.ts); the service takes what these give.
import { z } from "zod";
import type { FieldIssue } from "../../lib/errors.js";
import { versionedChange, whenValid } from "../../lib/validate.js";
import { HHMM } from "./centres.inputs.js";

const exceptionFields = {
  startsOn: z.date(),
  endsOn: z.date(),
  closed: z.boolean(),
  opens: z.string().regex(HHMM, "Use HH:MM, e.g. 10:00.").nullish(),
  closes: z.string().regex(HHMM, "Use HH:MM, e.g. 16:00.").nullish(),
  reason: z.string().trim().max(500, "At most 500 characters.").nullish(),
};

/**
 * What is wrong with an exception as a whole (the field below `input`), if anything: checked on
 * a new one here, and by the service on an existing one merged with its changes.
 */
export function exceptionIssue(e: {
  startsOn: Date;
  endsOn: Date;
  closed: boolean;
  opens?: string | null;
  closes?: string | null;
}): FieldIssue | null {
  if (e.endsOn < e.startsOn) return { field: "endsOn", message: "The range must end on or after its first day." };
  if (e.endsOn.getTime() - e.startsOn.getTime() > 366 * 86_400_000)
    return { field: "endsOn", message: "A range is at most a year." };
  if (!e.closed) {
    if (!e.opens || !e.closes) return { field: "opens", message: "Give the hours, or mark the range closed." };
    if (e.opens >= e.closes) return { field: "closes", message: "Closing time must be after opening time." };
  }
  return null;
}

export const addExceptionSchema = z.object({ centreId: z.string(), ...exceptionFields }).superRefine((data, ctx) => {
  const issue = exceptionIssue(data);
  if (issue) ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message });
}, whenValid);
export type AddExceptionData = z.output<typeof addExceptionSchema>;

export const updateExceptionSchema = versionedChange(exceptionFields);
export type UpdateExceptionData = z.output<typeof updateExceptionSchema>;

/** Documents of one type issued on a visit, a part of the visit schemas (which check it). */
export const visitDocumentSchema = z.object({
  documentType: z.string().trim().min(1, "Name the document type.").max(200),
  count: z.number().int("A whole number.").min(0, "Cannot be negative.").max(1_000_000),
});

const documentsSchema = z.array(visitDocumentSchema).max(50);

const visitFields = {
  settlementId: z.string(),
  visitedOn: z.date(),
  peopleServed: z.number().int("A whole number.").min(0, "Cannot be negative.").max(1_000_000),
  note: z.string().trim().max(2000).nullish(),
  documents: documentsSchema,
};

/** Each document type once (whatever its case): the first repeated one is refused. */
function typesOnce(documents: { documentType: string }[], ctx: z.RefinementCtx<unknown>): boolean {
  const seen = new Set<string>();
  for (const [i, d] of documents.entries()) {
    const key = d.documentType.toLowerCase();
    if (seen.has(key)) {
      const message = `"${d.documentType}" is listed twice.`;
      ctx.addIssue({ code: "custom", path: ["documents", i, "documentType"], message });
      return false;
    }
    seen.add(key);
  }
  return true;
}

export const recordVisitSchema = z
  .object({ centreId: z.string(), ...visitFields, documents: documentsSchema.default([]) })
  .superRefine((data, ctx) => {
    if (typesOnce(data.documents, ctx) && data.visitedOn.getTime() > Date.now() + 86_400_000)
      ctx.addIssue({ code: "custom", path: ["visitedOn"], message: "A visit cannot be recorded ahead of time." });
  }, whenValid);
export type RecordVisitData = z.output<typeof recordVisitSchema>;

export const updateVisitSchema = z
  .object({ id: z.string(), version: z.number().int() })
  .extend({
    ...z.object(visitFields).partial().shape,
    documents: documentsSchema.optional().describe("Replaces the list when given."),
  })
  .superRefine((data, ctx) => {
    if (data.documents) typesOnce(data.documents, ctx);
  }, whenValid);
export type UpdateVisitData = z.output<typeof updateVisitSchema>;
