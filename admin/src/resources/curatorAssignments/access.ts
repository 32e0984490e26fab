import { type AdminResource, READERS, STAFF } from "../../lib/resource";

// Curators assign and end assignments in their regions; auditors read them.
export const access: AdminResource["access"] = { read: READERS, write: STAFF };
