import PlagiarismIcon from "@mui/icons-material/Plagiarism";
import type { AdminResource } from "../../lib/resource";
import { FileAccessList } from "./FileAccessList";
import { en, ru } from "./messages";

export default {
  name: "fileAccesses",
  definition: {
    typename: "FileAccess",
    fields: "at purpose role userEmail userName file { id name purpose status report { id } }",
    filters: { fileId: "ID", userId: "ID", from: "DateTime", to: "DateTime", search: "String" },
    csv: { query: "fileAccessesCsv", fileName: "file-accesses" },
    orderBy: { type: "FileAccessOrderBy", fields: { at: "AT" } },
  },
  list: FileAccessList,
  icon: PlagiarismIcon,
  // The log is read, never written: every download URL the API hands out adds a row.
  access: { read: ["ADMIN", "AUDITOR"], write: [] },
  messages: { ru, en },
} satisfies AdminResource;
