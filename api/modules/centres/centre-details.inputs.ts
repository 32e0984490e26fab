// What the inputs of a centre's details must hold, checked by the validation plugin on their
// GraphQL input types (centre-details.schema.ts); the service takes what these give.
import { z } from "zod";
import type { FieldProblem } from "../../lib/errors.js";
import { versionedChange, whenValid } from "../../lib/validate.js";
import { HHMM } from "./centres.inputs.js";

const exceptionFields = {
  startsOn: z.date(),
  endsOn: z.date(),
  closed: z.boolean(),
  opens: z.string().regex(HHMM, "OPENS_FORMAT").nullish(),
  closes: z.string().regex(HHMM, "CLOSES_FORMAT").nullish(),
  reason: z.string().trim().max(500, "TEXT_TOO_LONG").nullish(),
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
}): FieldProblem | null {
  if (e.endsOn < e.startsOn) return { field: "endsOn", code: "EXCEPTION_END_BEFORE_START" };
  if (e.endsOn.getTime() - e.startsOn.getTime() > 366 * 86_400_000)
    return { field: "endsOn", code: "EXCEPTION_TOO_LONG" };
  if (!e.closed) {
    if (!e.opens || !e.closes) return { field: "opens", code: "EXCEPTION_HOURS_REQUIRED" };
    if (e.opens >= e.closes) return { field: "closes", code: "CLOSES_BEFORE_OPENS" };
  }
  return null;
}

export const addExceptionSchema = z.object({ centreId: z.string(), ...exceptionFields }).superRefine((data, ctx) => {
  const issue = exceptionIssue(data);
  if (issue) ctx.addIssue({ code: "custom", path: [issue.field], message: issue.code });
}, whenValid);
export type AddExceptionData = z.output<typeof addExceptionSchema>;

export const updateExceptionSchema = versionedChange(exceptionFields);
export type UpdateExceptionData = z.output<typeof updateExceptionSchema>;

/** Documents of one type issued on a visit, a part of the visit schemas (which check it). */
export const visitDocumentSchema = z.object({
  documentType: z.string().trim().min(1, "DOCUMENT_TYPE_REQUIRED").max(200),
  count: z.number().int("WHOLE_NUMBER").min(0, "NEGATIVE_NOT_ALLOWED").max(1_000_000),
});

const documentsSchema = z.array(visitDocumentSchema).max(50);

const visitFields = {
  settlementId: z.string(),
  visitedOn: z.date(),
  peopleServed: z.number().int("WHOLE_NUMBER").min(0, "NEGATIVE_NOT_ALLOWED").max(1_000_000),
  note: z.string().trim().max(2000).nullish(),
  documents: documentsSchema,
};

/** Each document type once (whatever its case): the first repeated one is refused. */
function typesOnce(documents: { documentType: string }[], ctx: z.RefinementCtx<unknown>): boolean {
  const seen = new Set<string>();
  for (const [i, d] of documents.entries()) {
    const key = d.documentType.toLowerCase();
    if (seen.has(key)) {
      ctx.addIssue({
        code: "custom",
        path: ["documents", i, "documentType"],
        message: "DOCUMENT_TYPE_TWICE",
        params: { documentType: d.documentType },
      });
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
      ctx.addIssue({ code: "custom", path: ["visitedOn"], message: "VISIT_IN_FUTURE" });
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
