import ReportProblemIcon from "@mui/icons-material/ReportProblem";
import { formInput, idOf } from "../../lib/input";
import { type AdminResource, READERS, STAFF } from "../../lib/resource";
import { en, ru } from "./messages";
import { SystemicErrorCreate, SystemicErrorEdit } from "./SystemicErrorForm";
import { SystemicErrorList } from "./SystemicErrorList";
import { SystemicErrorShow } from "./SystemicErrorShow";

const LIST_FIELDS = `version title status overdue dueAt detectedAt feedbackCount
  region { id name } service { id name } authority { id name }`;

export default {
  name: "systemicErrors",
  definition: {
    typename: "SystemicError",
    fields: LIST_FIELDS,
    detailFields: `${LIST_FIELDS} description reportedAt fixedAt confirmedAt resolution allowedTransitions updatedAt`,
    filters: {
      search: "String",
      regionId: "ID",
      status: "SystemicErrorStatus",
      serviceId: "ID",
      authorityId: "ID",
      overdueOnly: "Boolean",
    },
    orderBy: {
      type: "SystemicErrorOrderBy",
      fields: { detectedAt: "DETECTED_AT", dueAt: "DUE_AT", title: "TITLE" },
    },
    create: {
      mutation: "createSystemicError",
      input: (data) =>
        formInput(data, undefined, [
          "title",
          "description",
          "regionId",
          "serviceId",
          "authorityId",
          "dueAt",
          "feedbackIds",
        ]),
    },
    update: {
      mutation: "updateSystemicError",
      input: (data, previous) =>
        formInput(data, previous, ["title", "description", "authorityId", "dueAt", "resolution"], {
          authorityId: idOf("authority"),
        }),
    },
  },
  list: SystemicErrorList,
  show: SystemicErrorShow,
  create: SystemicErrorCreate,
  edit: SystemicErrorEdit,
  icon: ReportProblemIcon,
  recordRepresentation: "title",
  // Internal records of a region: administrators and curators change them, auditors read them.
  access: { read: READERS, write: STAFF },
  messages: { ru, en },
} satisfies AdminResource;
