// What a project's inputs must hold, checked by the validation plugin on their GraphQL input
// types (projects.schema.ts); the service takes what these give.
import { z } from "zod";
import { globalId, optionalText, text } from "../../lib/validate.js";

const projectFields = { name: text(300), description: optionalText(5000) };

export const createProjectSchema = z.object({ regionId: globalId, ...projectFields });
export type CreateProjectData = z.output<typeof createProjectSchema>;

export const updateProjectSchema = z
  .object({ id: globalId, version: z.number().int() })
  .extend(z.object(projectFields).partial().shape);
export type UpdateProjectData = z.output<typeof updateProjectSchema>;

// ── Lists ──

export const projectFilterSchema = z.object({
  search: z.string().trim().max(200).nullish().describe("Part of the name; % and _ match themselves."),
  regionId: z.string().nullish(),
});
export type ProjectFilterData = z.output<typeof projectFilterSchema>;
