import type { RaRecord } from "react-admin";
import { formatPeriod } from "../../lib/format";
import type { AdminResource } from "../../lib/resource";
import { access } from "./access";
import { en, ru } from "./messages";
import { ReportCreate } from "./ReportCreate";
import { ReportList } from "./ReportList";
import { ReportShow } from "./ReportShow";

const LIST_FIELDS = `version status scope periodStart periodEnd dueDate overdue submittedAt approvedAt
  form { id code name periodicity }
  centre { id name } municipality { id name } region { id name }`;

export default {
  name: "reports",
  definition: {
    typename: "Report",
    fields: LIST_FIELDS,
    detailFields: `${LIST_FIELDS} returnReason published canApprove lockedAt createdAt updatedAt
      form { id code name periodicity indicators { id code name unit category hasRuralSplit position } }
      values { indicator { id } total rural }
      files { id name contentType size status rejectReason rejectCode detectedType uploadedByName createdAt confirmedAt purpose }
      imports { id status rowCount startedAt finishedAt file { id name } errors { line column code reason } }`,
    filters: {
      status: "ReportStatus",
      scope: "ReportScope",
      formId: "ID",
      centreId: "ID",
      municipalityId: "ID",
      regionId: "ID",
      periodFrom: "Date",
      periodTo: "Date",
    },
    orderBy: {
      type: "ReportOrderBy",
      fields: { periodStart: "PERIOD_START", status: "STATUS", createdAt: "CREATED_AT" },
    },
    create: {
      mutation: "createReport",
      // One reporting entity: the scope chosen on the form decides which id is sent.
      input: (data: RaRecord) => ({
        formId: data.formId,
        periodStart: data.periodStart,
        ...(data.scope === "REGION"
          ? { regionId: data.regionId }
          : data.scope === "MUNICIPALITY"
            ? { municipalityId: data.municipalityId }
            : { centreId: data.centreId }),
      }),
    },
    csv: { query: "reportsCsv", fileName: "reports" },
  },
  list: ReportList,
  show: ReportShow,
  create: ReportCreate,
  recordRepresentation: (record) => {
    const form = record.form as { name?: string; periodicity?: string } | undefined;
    const period =
      typeof record.periodStart === "string" ? formatPeriod(record.periodStart, form?.periodicity ?? "") : "";
    return `${form?.name ?? ""}, ${period}`;
  },
  access,
  messages: { ru, en },
} satisfies AdminResource;
