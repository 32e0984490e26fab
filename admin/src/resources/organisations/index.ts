import { type AdminResource, READERS, STAFF } from "../../lib/resource";
import { en, ru } from "./messages";
import { OrganisationList } from "./OrganisationList";

export default {
  name: "organisations",
  definition: {
    typename: "Organisation",
    fields: "name kind inn",
    filters: { search: "String", regionId: "ID" },
  },
  list: OrganisationList,
  recordRepresentation: "name",
  access: { read: READERS, write: STAFF },
  messages: { ru, en },
} satisfies AdminResource;
