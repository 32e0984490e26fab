// What user accounts' inputs must hold, checked by the validation plugin on their GraphQL input
// types (auth.schema.ts); the service takes what these give.
import { z } from "zod";

const roleSchema = z.enum(["ADMIN", "CURATOR", "OPERATOR", "AUDITOR"]);
const userFields = {
  fullName: z.string().trim().min(1, "Cannot be empty.").max(200),
  role: roleSchema,
  regionIds: z.array(z.string()).max(85),
  centreId: z.string().nullish(),
  allRegions: z.boolean(),
  locale: z.enum(["ru", "en"]),
};
export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter an email address.").max(254),
  password: z.string().min(10, "At least 10 characters.").max(200),
  ...userFields,
  regionIds: userFields.regionIds.default([]),
  allRegions: userFields.allRegions.default(false),
  locale: userFields.locale.default("ru"),
});
export type CreateUserData = z.output<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    password: createUserSchema.shape.password.optional(),
    active: z.boolean().optional(),
  })
  .extend(z.object(userFields).partial().shape);
export type UpdateUserData = z.output<typeof updateUserSchema>;
