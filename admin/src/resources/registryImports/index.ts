import UploadFileIcon from "@mui/icons-material/UploadFile";
import type { AdminResource } from "../../lib/resource";
import { access } from "./access";
import { en, ru } from "./messages";
import { RegistryImportList } from "./RegistryImportList";
import { BATCH_FIELDS } from "./types";

// The history of a region's register imports. There is no page per batch (a refused one opens
// onto its problems in the list) and no form: the import is a dialog of the list (ImportDialog),
// whose mutation answers with the batch, applied or refused, rather than a record to show.
export default {
  name: "registryImports",
  definition: {
    typename: "ImportBatch",
    fields: BATCH_FIELDS,
    // The API lists them newest first, its only order.
    filters: { regionId: "ID", kind: "RegistryImportKind" },
  },
  list: RegistryImportList,
  icon: UploadFileIcon,
  access,
  messages: { ru, en },
} satisfies AdminResource;
