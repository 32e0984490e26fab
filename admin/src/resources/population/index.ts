import GroupsIcon from "@mui/icons-material/Groups";
import { formInput } from "../../lib/input";
import { type AdminResource, READERS, STAFF } from "../../lib/resource";
import { en, ru } from "./messages";
import { PopulationCreate } from "./PopulationCreate";
import { PopulationList } from "./PopulationList";

const FIELDS = "version year count source updatedAt region { id name } municipality { id name }";

export default {
  name: "population",
  definition: {
    typename: "Population",
    fields: FIELDS,
    filters: { regionId: "ID", municipalityId: "ID", year: "Int", level: "PopulationLevel" },
    create: {
      mutation: "recordPopulation",
      input: (data) => formInput(data, undefined, ["regionId", "municipalityId", "year", "count", "source"]),
    },
  },
  list: PopulationList,
  create: PopulationCreate,
  icon: GroupsIcon,
  recordRepresentation: (record) => {
    const place = (record.municipality ?? record.region) as { name?: string } | null;
    return `${place?.name ?? ""}, ${String(record.year)}`;
  },
  // Administrators, and curators for their regions (the API refuses other regions).
  access: { read: READERS, write: STAFF },
  messages: { ru, en },
} satisfies AdminResource;
