import AssignmentIcon from "@mui/icons-material/Assignment";
import type { RaRecord } from "react-admin";
import { type AdminResource, READERS } from "../../lib/resource";
import { en, ru } from "./messages";
import { ReportFormCreate, ReportFormEdit } from "./ReportFormForm";
import { ReportFormList } from "./ReportFormList";
import { ReportFormShow } from "./ReportFormShow";

const FIELDS = "version code name revision periodicity status dueDays createdAt";

interface IndicatorRow {
  code?: string;
  name?: string;
  unit?: string;
  category?: string | null;
  hasRuralSplit?: boolean;
}

const indicatorsOf = (value: unknown) =>
  (Array.isArray(value) ? (value as IndicatorRow[]) : []).map((row) => ({
    code: row.code ?? "",
    name: row.name ?? "",
    unit: row.unit ?? "",
    category: row.category || null,
    hasRuralSplit: Boolean(row.hasRuralSplit),
  }));

function formInput(data: RaRecord, previous?: RaRecord): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of ["code", "name", "periodicity", "dueDays", "status"] as const) {
    if (!previous || data[field] !== previous[field]) {
      input[field] = data[field];
    }
  }
  const indicators = indicatorsOf(data.indicators);
  if (!previous || JSON.stringify(indicators) !== JSON.stringify(indicatorsOf(previous.indicators))) {
    input.indicators = indicators;
  }
  return input;
}

export default {
  name: "reportForms",
  definition: {
    typename: "ReportForm",
    fields: FIELDS,
    detailFields: `${FIELDS} updatedAt indicators { id code name unit category hasRuralSplit position }`,
    filters: { search: "String", periodicity: "Periodicity", status: "ReportFormStatus" },
    orderBy: { type: "ReportFormOrderBy", fields: { code: "CODE", name: "NAME", createdAt: "CREATED_AT" } },
    create: { mutation: "createReportForm", input: formInput },
    update: { mutation: "updateReportForm", input: formInput },
    delete: { mutation: "retireReportForm" },
  },
  list: ReportFormList,
  show: ReportFormShow,
  edit: ReportFormEdit,
  create: ReportFormCreate,
  icon: AssignmentIcon,
  recordRepresentation: "name",
  // Forms are national: administrators change them; everyone reporting reads them.
  access: { read: READERS, write: ["ADMIN"] },
  messages: { ru, en },
} satisfies AdminResource;
