import PersonIcon from "@mui/icons-material/Person";
import type { RaRecord } from "react-admin";
import type { AdminResource } from "../../lib/resource";
import { access } from "./access";
import { en, ru } from "./messages";
import { PersonCreate, PersonEdit } from "./PersonForm";
import { PersonList } from "./PersonList";
import { PersonShow } from "./PersonShow";

const FIELDS = `version fullName lastName firstName middleName position email phone archivedAt photoConsent
  contactsConsent region { id name } organisation { id name }`;

const TEXT_FIELDS = ["lastName", "firstName", "middleName", "position", "email", "phone"] as const;

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : null;

/** The person's fields from the form; on update only those that changed. */
function personInput(data: RaRecord, previous?: RaRecord): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) {
    const value = text(data[field]);
    if (!previous || value !== text(previous[field])) {
      input[field] = value;
    }
  }
  const organisationId = text(data.organisationId);
  const previousOrganisation = (previous?.organisation as { id?: string } | null | undefined)?.id ?? null;
  if (!previous || organisationId !== previousOrganisation) {
    input.organisationId = organisationId;
  }
  for (const consent of ["photoConsent", "contactsConsent"] as const) {
    if (!previous || Boolean(data[consent]) !== Boolean(previous[consent])) {
      input[consent] = Boolean(data[consent]);
    }
  }
  if (!previous) {
    input.regionId = data.regionId;
  }
  return input;
}

export default {
  name: "people",
  definition: {
    typename: "Person",
    fields: FIELDS,
    detailFields: `${FIELDS} photoConsentAt contactsConsentAt photoUrl photo { id name status }
      published { fullName position organisation photoUrl email phone } createdAt updatedAt`,
    filters: { search: "String", regionId: "ID", organisationId: "ID", includeArchived: "Boolean" },
    orderBy: { type: "PersonOrderBy", fields: { fullName: "NAME", createdAt: "CREATED_AT" } },
    create: { mutation: "createPerson", input: personInput },
    update: { mutation: "updatePerson", input: personInput },
    delete: { mutation: "archivePerson" },
  },
  list: PersonList,
  show: PersonShow,
  edit: PersonEdit,
  create: PersonCreate,
  icon: PersonIcon,
  recordRepresentation: "fullName",
  access,
  messages: { ru, en },
} satisfies AdminResource;
