import StoreIcon from "@mui/icons-material/Store";
import { sourcesOf } from "../../components/plainFields";
import { formInput } from "../../lib/input";
import type { AdminResource } from "../../lib/resource";
import { centreAccess } from "./access";
import { CentreCreate, CentreEdit } from "./CentreForm";
import { CentreList } from "./CentreList";
import { CentreShow } from "./CentreShow";
import { ACCESSIBILITY, CONTACTS, EQUIPMENT, REGISTER } from "./fields";
import { en, ru } from "./messages";

const LIST_FIELDS = `version name kinds status statusAlert address archivedAt signatureValidUntil lastVerifiedAt
  region { id name } municipality { id name } settlement { id name isRural } hostOrganisation { id name }`;

// Fields create and update both take as the form holds them: the plain ones from fields.ts.
const WRITABLE = [
  "name",
  "kinds",
  "status",
  "statusAlert",
  "address",
  "latitude",
  "longitude",
  "signatureValidUntil",
  ...sourcesOf(REGISTER, CONTACTS, ACCESSIBILITY, EQUIPMENT),
];

export default {
  name: "centres",
  definition: {
    typename: "Centre",
    fields: LIST_FIELDS,
    detailFields: `${LIST_FIELDS} latitude longitude ${sourcesOf(REGISTER, CONTACTS, ACCESSIBILITY, EQUIPMENT).join(" ")}
      lastVerifiedByName createdAt updatedAt
      openingHours { weekday opens closes }
      hoursExceptions { id version startsOn endsOn closed opens closes reason }
      services { helpKinds note service { id name } }`,
    filters: {
      search: "String",
      status: "CentreStatus",
      kind: "CentreKind",
      regionId: "ID",
      municipalityId: "ID",
      hostOrganisationId: "ID",
      rural: "Boolean",
      includeArchived: "Boolean",
    },
    orderBy: {
      type: "CentreOrderBy",
      fields: { name: "NAME", createdAt: "CREATED_AT", signatureValidUntil: "SIGNATURE_VALID_UNTIL" },
    },
    create: {
      mutation: "createCentre",
      // The region and municipality only narrow the pickers; the settlement places the centre.
      input: (data) => formInput(data, undefined, [...WRITABLE, "settlementId", "hostOrganisationId"]),
    },
    update: {
      mutation: "updateCentre",
      input: (data, previous) => formInput(data, previous, WRITABLE),
    },
    delete: { mutation: "archiveCentre" },
    csv: { query: "centresCsv", fileName: "centres" },
  },
  list: CentreList,
  show: CentreShow,
  create: CentreCreate,
  edit: CentreEdit,
  icon: StoreIcon,
  recordRepresentation: "name",
  access: centreAccess,
  messages: { ru, en },
} satisfies AdminResource;
