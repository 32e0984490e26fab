import TrendingUpIcon from "@mui/icons-material/TrendingUp";
import type { RaRecord } from "react-admin";
import { formInput } from "../../lib/input";
import { type AdminResource, READERS } from "../../lib/resource";
import { definitionInput } from "./formula";
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
  "definition",
] as const;

const TERM = `kind indicatorCode part
  services { socialSignificant electronic proactive needsExtraDocuments level federal }
  having { socialSignificant electronic proactive needsExtraDocuments level }`;
const DEFINITION = `definition { ${TERM} byRegion multiplier numerator { ${TERM} } denominator { ${TERM} } } formulaText`;

/** The formula as the API takes it: only for a COMPUTED KPI, only the parts its kinds use. */
const read = { definition: (record: RaRecord) => definitionInput(record.source, record.definition) };

export default {
  name: "kpis",
  definition: {
    typename: "Kpi",
    fields: LIST_FIELDS,
    detailFields: `${LIST_FIELDS} description formula legalBasis createdAt updatedAt ${DEFINITION}
      values { id version periodStart periodEnd region { id name } value source updatedAt }`,
    filters: { search: "String", regionId: "ID", federal: "Boolean", source: "KpiValueSource" },
    orderBy: { type: "KpiOrderBy", fields: { code: "CODE", name: "NAME", targetYear: "TARGET_YEAR" } },
    create: {
      mutation: "createKpi",
      input: (data) => formInput(data, undefined, [...WRITABLE, "regionId"], read),
    },
    update: {
      mutation: "updateKpi",
      input: (data, previous) => formInput(data, previous, WRITABLE, read),
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
