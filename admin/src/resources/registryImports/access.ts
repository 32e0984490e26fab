import { type AdminResource, READERS, STAFF } from "../../lib/resource";

// Curators import their regions' registers and administrators any region's; auditors read the
// history. Operators work on their centre and get no entry; partners never sign in to the panel.
export const access: AdminResource["access"] = { read: READERS, write: STAFF };
