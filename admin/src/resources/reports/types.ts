import type { RaRecord } from "react-admin";
import type { ImportProblem } from "../../components/ImportErrors";
import { choicesOf } from "../../lib/choices";
import type { Indicator } from "../../lib/records";

export const REPORT_STATUSES = ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "LOCKED"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_SCOPES = ["CENTRE", "MUNICIPALITY", "REGION"] as const;
export type ReportScope = (typeof REPORT_SCOPES)[number];
export const FILE_STATUSES = ["PENDING", "AVAILABLE", "REJECTED", "DELETED"] as const;
export const IMPORT_STATUSES = ["PENDING", "PROCESSING", "SUCCEEDED", "FAILED"] as const;

export interface ReportFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
  status: string;
  rejectReason: string | null;
  rejectCode: string | null;
  detectedType: string | null;
  uploadedByName: string | null;
  createdAt: string;
  confirmedAt: string | null;
  purpose: string;
}

export interface ImportBatch {
  id: string;
  status: string;
  rowCount: number;
  startedAt: string;
  finishedAt: string | null;
  file: { id: string; name: string } | null;
  errors: ImportProblem[];
}

export interface Report extends RaRecord<string> {
  version: number;
  status: ReportStatus;
  scope: ReportScope;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  overdue: boolean;
  returnReason?: string | null;
  published?: boolean;
  /** Whether the signed-in user may approve it now (the API's four-eyes rule included). */
  canApprove?: boolean;
  form: { id: string; code: string; name: string; periodicity: string; indicators?: Indicator[] };
  centre: { id: string; name: string } | null;
  municipality: { id: string; name: string } | null;
  region: { id: string; name: string };
  values?: { indicator: { id: string }; total: number; rural: number | null }[];
  files?: ReportFile[];
  imports?: ImportBatch[];
}

export const statusChoices = choicesOf("ReportStatus", REPORT_STATUSES);
export const scopeChoices = choicesOf("ReportScope", REPORT_SCOPES);

/** Values can change while the report is with its reporter. */
export const isEditableStatus = (status: ReportStatus): boolean => status === "DRAFT" || status === "RETURNED";
