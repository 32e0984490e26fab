import TrendingUpIcon from "@mui/icons-material/TrendingUp";
import { formInput } from "../../lib/input";
import { type AdminResource, READERS } from "../../lib/resource";
import { KpiCreate, KpiEdit } from "./KpiForm";
import { KpiList } from "./KpiList";
import { KpiShow } from "./KpiShow";
import { en, ru } from "./messages";

const LIST_FIELDS = "version code name unit direction source targetValue targetYear region { id name }";
const WRITABLE = [
  "code",
  "name",
  "description",
  "formula",
  "unit",
  "direction",
  "targetValue",
  "targetYear",
  "source",
  "legalBasis",
] as const;

export default {
  name: "kpis",
  definition: {
    typename: "Kpi",
    fields: LIST_FIELDS,
    detailFields: `${LIST_FIELDS} description formula legalBasis createdAt updatedAt
      values { id version periodStart periodEnd region { id name } value source updatedAt }`,
    filters: { search: "String", regionId: "ID", federal: "Boolean", source: "KpiValueSource" },
    orderBy: { type: "KpiOrderBy", fields: { code: "CODE", name: "NAME", targetYear: "TARGET_YEAR" } },
    create: {
      mutation: "createKpi",
      input: (data) => formInput(data, undefined, [...WRITABLE, "regionId"]),
    },
    update: {
      mutation: "updateKpi",
      input: (data, previous) => formInput(data, previous, WRITABLE),
    },
  },
  list: KpiList,
  show: KpiShow,
  create: KpiCreate,
  edit: KpiEdit,
  icon: TrendingUpIcon,
  recordRepresentation: "name",
  // Only administrators define KPIs (createKpi/updateKpi); curators record values of
  // their regions from the KPI's page (RecordValueButton).
  access: { read: READERS, write: ["ADMIN"] },
  messages: { ru, en },
} satisfies AdminResource;
