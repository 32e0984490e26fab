// What a new partner key's input must hold, checked by the validation plugin on its GraphQL
// input type (api-clients.schema.ts); the service takes what this gives.
import { z } from "zod";
import { ALL_API_SCOPES, type ApiScope } from "../../lib/api-scopes.js";

export const createApiClientSchema = z.object({
  name: z.string().trim().min(1, "REQUIRED").max(200),
  scopes: z
    .array(z.enum(ALL_API_SCOPES as [ApiScope, ...ApiScope[]]))
    .min(1, "API_SCOPE_REQUIRED")
    .transform((scopes) => [...new Set(scopes)].sort())
    .describe("At least one."),
  rateLimitPerMinute: z
    .number()
    .int()
    .min(1, "NUMBER_TOO_SMALL")
    .max(100_000, "NUMBER_TOO_BIG")
    .default(600)
    .describe("1 to 100000; 600 by default."),
  expiresAt: z.date().min(new Date(0)).nullish(),
});
export type CreateApiClientData = z.output<typeof createApiClientSchema>;
