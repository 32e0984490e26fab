import EventIcon from "@mui/icons-material/Event";
import type { RaRecord } from "react-admin";
import { formInput, idOf } from "../../lib/input";
import type { AdminResource } from "../../lib/resource";
import { access } from "./access";
import { EventCreate, EventEdit } from "./EventForm";
import { EventList } from "./EventList";
import { EventShow } from "./EventShow";
import { en, ru } from "./messages";

const FIELDS = `version title kind audience startsOn endsOn participants archivedAt
  region { id name } hostOrganisation { id name } centre { id name } project { id name } municipalities { id name }`;

/** Fields create and update both take as the form holds them. */
const WRITABLE = ["title", "kind", "audience", "startsOn", "endsOn", "participants", "description"];
/** The references of the event's region, edited by id. */
const REFERENCES = ["hostOrganisationId", "centreId", "projectId", "municipalityIds"];

/** The municipalities' ids, sorted: the same set chosen in another order is no change. */
const municipalityIds = (record: RaRecord): unknown => {
  if (Array.isArray(record.municipalityIds)) {
    return [...(record.municipalityIds as string[])].sort();
  }
  return Array.isArray(record.municipalities)
    ? (record.municipalities as { id: string }[]).map((municipality) => municipality.id).sort()
    : undefined;
};

/** A reference's id as the form holds it (`hostOrganisationId`), else from the record read. */
const referenceId = (field: string) => (record: RaRecord) =>
  `${field}Id` in record ? record[`${field}Id`] : idOf(field)(record);

const READ = {
  hostOrganisationId: referenceId("hostOrganisation"),
  centreId: referenceId("centre"),
  projectId: referenceId("project"),
  municipalityIds,
};

export default {
  name: "events",
  definition: {
    typename: "Event",
    fields: FIELDS,
    detailFields: `${FIELDS} description createdAt updatedAt materials { id name size createdAt uploadedByName }`,
    filters: {
      search: "String",
      regionId: "ID",
      kind: "EventKind",
      audience: "EventAudience",
      from: "Date",
      to: "Date",
      projectId: "ID",
      includeArchived: "Boolean",
    },
    orderBy: { type: "EventOrderBy", fields: { startsOn: "STARTS_ON", title: "TITLE" } },
    create: {
      mutation: "createEvent",
      input: (data) => formInput(data, undefined, [...WRITABLE, ...REFERENCES, "regionId"], READ),
    },
    update: {
      mutation: "updateEvent",
      input: (data, previous) => formInput(data, previous, [...WRITABLE, ...REFERENCES], READ),
    },
    delete: { mutation: "archiveEvent" },
  },
  list: EventList,
  show: EventShow,
  create: EventCreate,
  edit: EventEdit,
  icon: EventIcon,
  recordRepresentation: "title",
  access,
  messages: { ru, en },
} satisfies AdminResource;
