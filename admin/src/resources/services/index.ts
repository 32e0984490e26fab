import type { AdminResource } from "../../lib/resource";
import { STAFF } from "../../lib/resource";

// Placeholder until the resource's screens land: registered for references only.
export default {
  name: "services",
  definition: { typename: "Service", fields: "", filters: {} },
  access: { read: [], write: STAFF },
  messages: { ru: {}, en: {} },
} satisfies AdminResource;
