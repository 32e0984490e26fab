import type { AdminResource } from "../../lib/resource";
import { STAFF } from "../../lib/resource";

// Placeholder until the resource's screens land: registered for references only.
export default {
  name: "projects",
  definition: { typename: "Project", fields: "", filters: {} },
  access: { read: [], write: STAFF },
  messages: { ru: {}, en: {} },
} satisfies AdminResource;
