// What partners ask the public curator directory: one service's curators, or a region's page
// of services with theirs.
import { z } from "zod";
import { globalId } from "../../lib/validate.js";

const municipalityId = globalId
  .nullish()
  .describe("A municipality of the region: its curators where it has its own, else the region's.");

export const serviceCuratorsSchema = z.object({
  serviceId: globalId,
  regionId: globalId
    .nullish()
    .describe(
      "The region of responsibility; a regional or municipal service's own by default, required for a federal one.",
    ),
  municipalityId,
});
export type ServiceCuratorsData = z.output<typeof serviceCuratorsSchema>;

export const curatorDirectorySchema = z.object({
  regionId: globalId,
  municipalityId,
  socialSignificantOnly: z.boolean().nullish().describe("Only socially significant services."),
  search: z.string().trim().max(200).nullish().describe("Part of the service's name or short name."),
});
export type CuratorDirectoryData = z.output<typeof curatorDirectorySchema>;
