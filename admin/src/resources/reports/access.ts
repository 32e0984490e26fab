import type { AdminResource } from "../../lib/resource";

// Operators create drafts of their centre and fill them in; the API scopes every write.
export const access: AdminResource["access"] = {
  read: ["ADMIN", "CURATOR", "OPERATOR", "AUDITOR"],
  write: ["ADMIN", "CURATOR", "OPERATOR"],
};
