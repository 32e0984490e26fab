import type { z } from "zod";
import { ValidationError } from "./errors.js";

/** Parses input with a zod schema; failures become one ValidationError listing every field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, prefix = "input"): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      field: [prefix, ...issue.path.map(String)].join("."),
      message: issue.message,
    })),
  );
}
