import { READERS, STAFF } from "../../lib/resource";

// Curators add and change municipalities and settlements of their regions; the API refuses
// other regions.
export const municipalityAccess = { read: READERS, write: STAFF };
