import FamilyRestroomIcon from "@mui/icons-material/FamilyRestroom";
import { formInput } from "../../lib/input";
import { type AdminResource, READERS, STAFF } from "../../lib/resource";
import { LifeSituationCreate, LifeSituationEdit } from "./LifeSituationForm";
import { LifeSituationList } from "./LifeSituationList";
import { LifeSituationShow } from "./LifeSituationShow";
import { en, ru } from "./messages";

const LIST_FIELDS = "version code name kind status region { id name }";

export default {
  name: "lifeSituations",
  definition: {
    typename: "LifeSituation",
    fields: LIST_FIELDS,
    detailFields: `${LIST_FIELDS} description createdAt updatedAt
      services { position mandatory service { id name level status region { id name } } }`,
    filters: { search: "String", kind: "LifeSituationKind", status: "PublicationStatus", regionId: "ID" },
    orderBy: { type: "CatalogueOrderBy", fields: { name: "NAME", createdAt: "CREATED_AT" } },
    create: {
      mutation: "createLifeSituation",
      input: (data) => formInput(data, undefined, ["code", "name", "kind", "description", "regionId", "status"]),
    },
    update: {
      mutation: "updateLifeSituation",
      input: (data, previous) => formInput(data, previous, ["code", "name", "kind", "description", "status"]),
    },
    delete: { mutation: "archiveLifeSituation" },
  },
  list: LifeSituationList,
  show: LifeSituationShow,
  create: LifeSituationCreate,
  edit: LifeSituationEdit,
  icon: FamilyRestroomIcon,
  recordRepresentation: "name",
  access: { read: READERS, write: STAFF },
  messages: { ru, en },
} satisfies AdminResource;
