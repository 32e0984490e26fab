import ArchiveIcon from "@mui/icons-material/Archive";
import UnarchiveIcon from "@mui/icons-material/Unarchive";
import { useState } from "react";
import { Button, Confirm, type HttpError, useNotify, useRecordContext, useRefresh, useTranslate } from "react-admin";
import { mutate } from "../../providers/graphql";

interface ArchivableRecord {
  id: string;
  version: number;
  archivedAt: string | null;
}

interface ArchiveRestoreButtonProps {
  /** The mutations, e.g. "archiveCentre" and "restoreCentre" (both take VersionedInput). */
  archive: string;
  restore: string;
  /** Keys under it: button, restore, title, content, done, restored. */
  messages: string;
}

/**
 * Archives the record in context after a confirmation, or restores an archived one, with
 * the version it was read at. Callers render it only for users who may change the record.
 */
export const ArchiveRestoreButton = ({ archive, restore, messages }: ArchiveRestoreButtonProps) => {
  const record = useRecordContext<ArchivableRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  if (!record) {
    return null;
  }
  const archived = record.archivedAt !== null;
  const run = async () => {
    setPending(true);
    try {
      await mutate(archived ? restore : archive, { id: record.id, version: record.version }, "id version archivedAt", {
        inputType: "VersionedInput",
      });
      notify(`${messages}.${archived ? "restored" : "done"}`, { type: "info" });
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
        label={`${messages}.${archived ? "restore" : "button"}`}
        onClick={() => (archived ? run() : setOpen(true))}
        disabled={pending}
      >
        {archived ? <UnarchiveIcon /> : <ArchiveIcon />}
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title={translate(`${messages}.title`)}
        content={translate(`${messages}.content`)}
        onConfirm={run}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
