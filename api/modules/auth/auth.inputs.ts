// What the inputs of signing in and out and of user accounts must hold, checked by the
// validation plugin on their GraphQL input types (auth.schema.ts); the service takes what these
// give.
import { z } from "zod";
import { UserRole } from "../../generated/prisma/client.js";

// ── Signing in and out ──

export const loginSchema = z.object({
  email: z.string().trim().email("INVALID_EMAIL").max(254),
  password: z.string().min(1, "PASSWORD_REQUIRED").max(1024),
});

export const logoutSchema = z.object({
  everywhere: z
    .boolean()
    .nullish()
    .describe("End every session of the signed-in user (all browsers and devices), not just this one."),
});

// ── User accounts (administrators) ──

export const userFilterSchema = z.object({
  search: z.string().trim().max(200).nullish().describe("Part of the email or name."),
  role: z.enum(UserRole).nullish(),
  active: z.boolean().nullish(),
});
export type UserFilterData = z.output<typeof userFilterSchema>;

const userFields = {
  fullName: z.string().trim().min(1, "REQUIRED").max(200),
  role: z.enum(UserRole),
  regionIds: z.array(z.string()).max(85),
  centreId: z.string().nullish().describe("An operator's centre."),
  allRegions: z.boolean(),
  locale: z.enum(["ru", "en"]),
};
export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("INVALID_EMAIL").max(254),
  password: z.string().min(10, "TEXT_TOO_SHORT").max(200).describe("At least 10 characters."),
  ...userFields,
  regionIds: userFields.regionIds.default([]).describe("Curators' and regional auditors' regions."),
  allRegions: userFields.allRegions.default(false).describe("An auditor who reads every region."),
  locale: userFields.locale.default("ru"),
});
export type CreateUserData = z.output<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    password: createUserSchema.shape.password.optional(),
    active: z
      .boolean()
      .optional()
      .describe("false deactivates the account: its sessions end at once and it cannot sign in."),
  })
  .extend(z.object(userFields).partial().shape);
export type UpdateUserData = z.output<typeof updateUserSchema>;

export const endUserSessionsSchema = z.object({ id: z.string() });
