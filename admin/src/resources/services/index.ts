import MiscellaneousServicesIcon from "@mui/icons-material/MiscellaneousServices";
import { formInput, idOf } from "../../lib/input";
import { type AdminResource, READERS, STAFF } from "../../lib/resource";
import { en, ru } from "./messages";
import { ServiceCreate, ServiceEdit } from "./ServiceForm";
import { ServiceList } from "./ServiceList";
import { ServiceShow } from "./ServiceShow";

const LIST_FIELDS = "version name shortName level status region { id name } registryId electronic updatedAt";

// Fields both create and update take as they are in the form.
const WRITABLE = [
  "name",
  "code",
  "shortName",
  "level",
  "registryId",
  "description",
  "fee",
  "processingDays",
  "portalUrl",
  "requiredDocuments",
  "electronic",
  "proactive",
  "socialSignificant",
  "needsExtraDocuments",
  "status",
] as const;

export default {
  name: "services",
  definition: {
    typename: "Service",
    fields: LIST_FIELDS,
    detailFields: `${LIST_FIELDS} code competentAuthority { id name } description fee processingDays portalUrl
      requiredDocuments proactive socialSignificant needsExtraDocuments createdAt
      lifeSituations { position mandatory lifeSituation { id name } }`,
    filters: {
      search: "String",
      level: "ServiceLevel",
      status: "PublicationStatus",
      regionId: "ID",
      competentAuthorityId: "ID",
      electronic: "Boolean",
      socialSignificant: "Boolean",
      proactive: "Boolean",
    },
    orderBy: { type: "CatalogueOrderBy", fields: { name: "NAME", createdAt: "CREATED_AT" } },
    create: {
      mutation: "createService",
      input: (data) => ({
        ...formInput(data, undefined, [...WRITABLE, "competentAuthorityId"]),
        // A federal service has no region even if one was picked before the level changed.
        ...(data.level !== "FEDERAL" && data.regionId ? { regionId: data.regionId } : {}),
      }),
    },
    update: {
      mutation: "updateService",
      input: (data, previous) =>
        formInput(data, previous, [...WRITABLE, "competentAuthorityId"], {
          competentAuthorityId: idOf("competentAuthority"),
        }),
    },
    delete: { mutation: "archiveService" },
  },
  list: ServiceList,
  show: ServiceShow,
  create: ServiceCreate,
  edit: ServiceEdit,
  icon: MiscellaneousServicesIcon,
  recordRepresentation: "name",
  access: { read: READERS, write: STAFF },
  messages: { ru, en },
} satisfies AdminResource;
