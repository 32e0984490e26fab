import { READERS, STAFF } from "../../lib/resource";

// Curators manage the organisations of their regions; the API refuses other regions.
export const organisationAccess = { read: READERS, write: STAFF };
