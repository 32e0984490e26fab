import { getDatamodel } from "../generated/pothos-types.js";

/**
 * Prisma's data model as Pothos' generator printed it, parsed once for the process: the builder
 * plans its queries with it and lib/sql-read.ts writes its statements from it.
 */
export const datamodel = getDatamodel();
