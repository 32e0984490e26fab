import AccountBalanceIcon from "@mui/icons-material/AccountBalance";
import { formInput } from "../../lib/input";
import type { AdminResource } from "../../lib/resource";
import { organisationAccess } from "./access";
import { en, ru } from "./messages";
import { OrganisationCreate, OrganisationEdit } from "./OrganisationForm";
import { OrganisationList } from "./OrganisationList";
import { OrganisationShow } from "./OrganisationShow";

const FIELDS = "version name shortName kind inn archivedAt region { id name } municipality { id name }";

const WRITABLE = ["name", "code", "shortName", "kind", "inn", "ogrn", "address", "phone", "email", "website"] as const;

export default {
  name: "organisations",
  definition: {
    typename: "Organisation",
    fields: FIELDS,
    detailFields: `${FIELDS} code ogrn address phone email website`,
    filters: { search: "String", regionId: "ID", kind: "OrganisationKind", includeArchived: "Boolean" },
    create: {
      mutation: "createOrganisation",
      input: (data) => formInput(data, undefined, [...WRITABLE, "regionId", "municipalityId"]),
    },
    update: {
      mutation: "updateOrganisation",
      // The form edits the municipality as `municipalityId`, read from the record's reference.
      input: (data, previous) =>
        formInput(
          data,
          previous && {
            ...previous,
            municipalityId: (previous.municipality as { id: string } | null)?.id ?? null,
          },
          [...WRITABLE, "municipalityId"],
        ),
    },
    delete: { mutation: "archiveOrganisation" },
  },
  list: OrganisationList,
  show: OrganisationShow,
  create: OrganisationCreate,
  edit: OrganisationEdit,
  icon: AccountBalanceIcon,
  recordRepresentation: "name",
  access: organisationAccess,
  messages: { ru, en },
} satisfies AdminResource;
