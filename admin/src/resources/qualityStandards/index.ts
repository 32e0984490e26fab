import VerifiedIcon from "@mui/icons-material/Verified";
import { formInput } from "../../lib/input";
import { type AdminResource, READERS, STAFF } from "../../lib/resource";
import { en, ru } from "./messages";
import { QualityStandardCreate, QualityStandardEdit } from "./QualityStandardForm";
import { QualityStandardList } from "./QualityStandardList";
import { QualityStandardShow } from "./QualityStandardShow";

const LIST_FIELDS = "version revision title status validFrom approvedAt service { id name region { id name } }";

/** The targets as QualityTargetInput: nothing but its fields (the form may add its own). */
const targetsOf = (targets: unknown) =>
  Array.isArray(targets)
    ? targets.map((target: Record<string, unknown>) => ({
        indicatorCode: target.indicatorCode,
        name: target.name,
        unit: target.unit,
        direction: target.direction,
        threshold: target.threshold,
      }))
    : undefined;

export default {
  name: "qualityStandards",
  definition: {
    typename: "QualityStandard",
    fields: LIST_FIELDS,
    detailFields: `${LIST_FIELDS} approvedByName canApprove supersededAt createdAt updatedAt
      targets { indicatorCode name unit direction threshold }`,
    filters: { search: "String", serviceId: "ID", status: "StandardStatus" },
    orderBy: {
      type: "QualityStandardOrderBy",
      fields: { createdAt: "CREATED_AT", revision: "REVISION", validFrom: "VALID_FROM" },
    },
    create: {
      mutation: "createQualityStandardDraft",
      input: (data) => {
        const targets = targetsOf(data.targets);
        return {
          ...formInput(data, undefined, ["serviceId", "title", "validFrom", "copyFrom"]),
          // No targets given: the API copies those of `copyFrom` (or starts with none).
          ...(targets && targets.length > 0 ? { targets } : {}),
        };
      },
    },
    update: {
      mutation: "updateQualityStandardDraft",
      input: (data, previous) =>
        formInput({ ...data, targets: targetsOf(data.targets) }, previous, ["title", "validFrom", "targets"]),
    },
  },
  list: QualityStandardList,
  show: QualityStandardShow,
  create: QualityStandardCreate,
  edit: QualityStandardEdit,
  icon: VerifiedIcon,
  recordRepresentation: (record) => `${String(record.revision)}. ${String(record.title)}`,
  access: { read: READERS, write: STAFF },
  messages: { ru, en },
} satisfies AdminResource;
