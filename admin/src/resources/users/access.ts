import type { AdminResource } from "../../lib/resource";

// Accounts and their roles are the administrator's alone.
export const access: AdminResource["access"] = { read: ["ADMIN"], write: ["ADMIN"] };
