import { type AdminResource, READERS, STAFF } from "../../lib/resource";

// Curators keep their regions' events and administrators every region's; auditors read them.
// Operators work on their centre (the API would let them read their region's events, the
// panel's menu for them stops at the centre); partners never sign in to the panel.
export const access: AdminResource["access"] = { read: READERS, write: STAFF };
