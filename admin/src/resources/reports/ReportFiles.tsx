import { FilesPanel } from "../../components/FileTable";
import { rejectionText } from "../../components/FileUpload";
import { canEdit } from "./access";
import { useReportTab } from "./useReportTab";

/**
 * The report's files (a signed PDF, spreadsheets): upload with progress while the report is a
 * draft or returned, the list with statuses (a rejection's reason on hover), and logged downloads.
 */
export const ReportFiles = () => {
  const { report, translate, role } = useReportTab();
  if (!report) {
    return null;
  }
  const canUpload = canEdit(role, report);
  const files = report.files ?? [];
  return (
    <FilesPanel
      owner={canUpload ? { purpose: "REPORT", reportId: report.id } : null}
      uploadLabel={translate("dostup.files.upload")}
      emptyText={translate("dostup.files.empty")}
      files={files}
      testId="report-files"
      statusTitle={(file) => (file.status === "REJECTED" ? rejectionText(translate, file) : undefined)}
    />
  );
};
