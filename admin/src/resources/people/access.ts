import { type AdminResource, READERS, STAFF } from "../../lib/resource";

// Curators manage the people of their regions; auditors read them (the API scopes both).
export const access: AdminResource["access"] = { read: READERS, write: STAFF };
