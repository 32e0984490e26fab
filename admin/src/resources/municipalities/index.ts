import LocationCityIcon from "@mui/icons-material/LocationCity";
import { formInput } from "../../lib/input";
import type { AdminResource } from "../../lib/resource";
import { municipalityAccess } from "./access";
import { MunicipalityCreate, MunicipalityEdit } from "./MunicipalityForm";
import { MunicipalityList } from "./MunicipalityList";
import { MunicipalityShow } from "./MunicipalityShow";
import { en, ru } from "./messages";

const FIELDS = "version name oktmo kind region { id name }";

export default {
  name: "municipalities",
  definition: {
    typename: "Municipality",
    fields: FIELDS,
    detailFields: `${FIELDS} settlements { id version name isRural }`,
    filters: { search: "String", regionId: "ID" },
    create: {
      mutation: "createMunicipality",
      input: (data) => formInput(data, undefined, ["regionId", "oktmo", "name", "kind"]),
    },
    update: {
      mutation: "updateMunicipality",
      input: (data, previous) => formInput(data, previous, ["oktmo", "name", "kind"]),
    },
  },
  list: MunicipalityList,
  show: MunicipalityShow,
  create: MunicipalityCreate,
  edit: MunicipalityEdit,
  icon: LocationCityIcon,
  recordRepresentation: "name",
  access: municipalityAccess,
  messages: { ru, en },
} satisfies AdminResource;
