import type { AdminResource } from "../../lib/resource";

// Partner keys are the administrator's alone.
export const access: AdminResource["access"] = { read: ["ADMIN"], write: ["ADMIN"] };
