import WorkIcon from "@mui/icons-material/Work";
import { formInput } from "../../lib/input";
import { type AdminResource, READERS, STAFF } from "../../lib/resource";
import { en, ru } from "./messages";
import { ProjectCreate, ProjectEdit, ProjectList, ProjectShow } from "./ProjectPages";

export default {
  name: "projects",
  definition: {
    typename: "Project",
    fields: "version name description region { id name } createdAt",
    detailFields: "version name description region { id name } createdAt updatedAt",
    filters: { search: "String", regionId: "ID" },
    orderBy: { type: "ProjectOrderBy", fields: { name: "NAME", createdAt: "CREATED_AT" } },
    create: {
      mutation: "createProject",
      input: (data) => formInput(data, undefined, ["name", "description", "regionId"]),
    },
    update: {
      mutation: "updateProject",
      input: (data, previous) => formInput(data, previous, ["name", "description"]),
    },
  },
  list: ProjectList,
  show: ProjectShow,
  create: ProjectCreate,
  edit: ProjectEdit,
  icon: WorkIcon,
  recordRepresentation: "name",
  access: { read: READERS, write: STAFF },
  messages: { ru, en },
} satisfies AdminResource;
