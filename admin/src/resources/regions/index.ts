import { type AdminResource, EVERYONE, STAFF } from "../../lib/resource";
import { en, ru } from "./messages";
import { RegionList } from "./RegionList";

export default {
  name: "regions",
  definition: { typename: "Region", fields: "code name", filters: { search: "String" } },
  list: RegionList,
  recordRepresentation: "name",
  access: { read: EVERYONE, write: STAFF },
  messages: { ru, en },
} satisfies AdminResource;
