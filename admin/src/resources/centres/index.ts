import { type AdminResource, READERS, STAFF } from "../../lib/resource";
import { CentreList } from "./CentreList";
import { CentreShow } from "./CentreShow";
import { en, ru } from "./messages";

export default {
  name: "centres",
  definition: {
    typename: "Centre",
    fields: "name kinds status address settlement { name isRural } hostOrganisation { id name }",
    filters: {
      search: "String",
      status: "CentreStatus",
      kind: "CentreKind",
      regionId: "ID",
    },
    orderBy: {
      type: "CentreOrderBy",
      fields: { name: "NAME", createdAt: "CREATED_AT" },
    },
  },
  list: CentreList,
  show: CentreShow,
  recordRepresentation: "name",
  access: { read: READERS, write: STAFF },
  messages: { ru, en },
} satisfies AdminResource;
