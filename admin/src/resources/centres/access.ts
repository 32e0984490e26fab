import { EVERYONE, STAFF } from "../../lib/resource";

// Operators read the centres the API shows them and change none: the API gives them no
// write scope. Curators write in their regions only; the API refuses the rest.
export const centreAccess = { read: EVERYONE, write: STAFF };
