import ArchiveIcon from "@mui/icons-material/Archive";
import UnarchiveIcon from "@mui/icons-material/Unarchive";
import { useState } from "react";
import { Button, Confirm, type HttpError, useNotify, useRecordContext, useRefresh, useTranslate } from "react-admin";
import { mutate } from "../../providers/graphql";

interface ArchivableRecord {
  id: string;
  version: number;
  status: string;
}

interface ArchiveRestoreButtonProps {
  /** e.g. "archiveService"; the restore mutation is "restore" + the same name. */
  archive: string;
  restore: string;
}

/**
 * Archives a published or draft record (after a confirmation) or restores an archived one.
 * Callers render it only for users who may change the record.
 */
export const ArchiveRestoreButton = ({ archive, restore }: ArchiveRestoreButtonProps) => {
  const record = useRecordContext<ArchivableRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  if (!record) {
    return null;
  }
  const archived = record.status === "ARCHIVED";
  const run = async () => {
    setPending(true);
    try {
      await mutate(archived ? restore : archive, { id: record.id, version: record.version }, "id version status", {
        inputType: "VersionedInput",
      });
      notify(archived ? "dostup.catalogue.restored" : "dostup.catalogue.archived", { type: "info" });
      refresh();
    } catch (error) {
      notify((error as HttpError).message, { type: "error" });
    } finally {
      setPending(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button
        label={archived ? "dostup.catalogue.restore" : "dostup.catalogue.archive"}
        onClick={() => (archived ? run() : setOpen(true))}
        disabled={pending}
      >
        {archived ? <UnarchiveIcon /> : <ArchiveIcon />}
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title={translate("dostup.catalogue.archive_title")}
        content={translate("dostup.catalogue.archive_content")}
        onConfirm={run}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
