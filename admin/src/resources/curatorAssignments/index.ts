import AssignmentIndIcon from "@mui/icons-material/AssignmentInd";
import type { RaRecord } from "react-admin";
import type { AdminResource } from "../../lib/resource";
import { AssignmentCreate, AssignmentEdit } from "./AssignmentForm";
import { AssignmentList } from "./AssignmentList";
import { AssignmentShow } from "./AssignmentShow";
import { access } from "./access";
import { MUNICIPAL_TARGETS, TARGETS } from "./choices";
import { en, ru } from "./messages";

const FIELDS = `version role targetType primary active validFrom validTo note createdAt
  person { id fullName } region { id name } municipality { id name } service { id name } centre { id name }
  lifeSituation { id name } project { id name }`;

function assignInput(data: RaRecord): Record<string, unknown> {
  // A region assignment has no target besides the region.
  const targetField = TARGETS[String(data.targetType)]?.source;
  return {
    personId: data.personId,
    regionId: data.regionId,
    role: data.role,
    targetType: data.targetType,
    primary: Boolean(data.primary),
    validFrom: data.validFrom,
    note: typeof data.note === "string" && data.note.trim() !== "" ? data.note.trim() : null,
    ...(targetField ? { [targetField]: data[targetField] } : {}),
    // Municipal curators are named for services and life situations only.
    ...(MUNICIPAL_TARGETS.has(String(data.targetType)) && data.municipalityId
      ? { municipalityId: data.municipalityId }
      : {}),
  };
}

export default {
  name: "curatorAssignments",
  definition: {
    typename: "CuratorAssignment",
    fields: FIELDS,
    filters: {
      personId: "ID",
      regionId: "ID",
      municipalityId: "ID",
      serviceId: "ID",
      centreId: "ID",
      lifeSituationId: "ID",
      projectId: "ID",
      targetType: "CuratorTarget",
      activeOnly: "Boolean",
      primaryOnly: "Boolean",
    },
    orderBy: { type: "CuratorAssignmentOrderBy", fields: { validFrom: "VALID_FROM", createdAt: "CREATED_AT" } },
    create: { mutation: "assignCurator", inputType: "AssignCuratorInput", input: assignInput },
    update: { mutation: "updateCuratorAssignment", fields: ["note"] },
  },
  list: AssignmentList,
  show: AssignmentShow,
  edit: AssignmentEdit,
  create: AssignmentCreate,
  icon: AssignmentIndIcon,
  recordRepresentation: (record) => String((record.person as { fullName?: string } | undefined)?.fullName ?? ""),
  access,
  messages: { ru, en },
} satisfies AdminResource;
