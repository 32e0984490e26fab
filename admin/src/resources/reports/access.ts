import type { AdminResource } from "../../lib/resource";
import type { Role } from "../../providers/authProvider";
import { isEditableStatus, type Report } from "./types";

// Operators create drafts of their centre and fill them in; the API scopes every write.
export const access: AdminResource["access"] = {
  read: ["ADMIN", "CURATOR", "OPERATOR", "AUDITOR"],
  write: ["ADMIN", "CURATOR", "OPERATOR"],
};

/**
 * Whether the role may change the report's figures and files now: those who write reports,
 * while it is with its reporter (the API takes files and imports only then too).
 */
export const canEdit = (role: Role | undefined, report: Pick<Report, "status">): boolean =>
  role !== undefined && access.write.includes(role) && isEditableStatus(report.status);
