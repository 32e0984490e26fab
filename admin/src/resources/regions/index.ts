import MapIcon from "@mui/icons-material/Map";
import { formInput } from "../../lib/input";
import { type AdminResource, READERS } from "../../lib/resource";
import { en, ru } from "./messages";
import { RegionCreate, RegionEdit } from "./RegionForm";
import { RegionList } from "./RegionList";
import { RegionShow } from "./RegionShow";

export default {
  name: "regions",
  definition: {
    typename: "Region",
    fields: "version code name",
    filters: { search: "String" },
    create: { mutation: "createRegion", input: (data) => formInput(data, undefined, ["code", "name"]) },
    update: { mutation: "updateRegion", input: (data, previous) => formInput(data, previous, ["code", "name"]) },
  },
  list: RegionList,
  show: RegionShow,
  create: RegionCreate,
  edit: RegionEdit,
  icon: MapIcon,
  recordRepresentation: "name",
  // Operators reach regions only through their centre; only administrators add or rename
  // regions (createRegion/updateRegion).
  access: { read: READERS, write: ["ADMIN"] },
  messages: { ru, en },
} satisfies AdminResource;
