import ArchiveIcon from "@mui/icons-material/Archive";
import UnarchiveIcon from "@mui/icons-material/Unarchive";
import { useState } from "react";
import { Button, Confirm, useRecordContext } from "react-admin";
import { useAction } from "../lib/action";
import { mutateVersioned } from "../providers/graphql";

interface ArchivableRecord {
  id: string;
  version: number;
  archivedAt?: string | null;
  status?: string;
}

interface ArchiveRestoreButtonProps {
  /** The mutations, e.g. "archiveCentre" and "restoreCentre" (both take VersionedInput). */
  archive: string;
  restore: string;
  /** Keys under it: button, restore, done, restored, and the confirmation's title and content. */
  messages: string;
  /** Whether archiving asks first; restoring never does. */
  confirm?: boolean;
}

/**
 * Archives the record in context (after a confirmation) or restores an archived one, with
 * the version it was read at. A record is archived when it has an archive date (centres,
 * organisations, people) or the ARCHIVED status (the catalogue's services and life
 * situations). Callers render it only for users who may change the record.
 */
export const ArchiveRestoreButton = ({ archive, restore, messages, confirm = true }: ArchiveRestoreButtonProps) => {
  const record = useRecordContext<ArchivableRecord>();
  const { pending, run } = useAction();
  const [open, setOpen] = useState(false);
  if (!record) {
    return null;
  }
  const archived = Boolean(record.archivedAt) || record.status === "ARCHIVED";
  const change = async () => {
    await run(
      () => mutateVersioned(archived ? restore : archive, record),
      `${messages}.${archived ? "restored" : "done"}`,
    );
    setOpen(false);
  };
  return (
    <>
      <Button
        label={`${messages}.${archived ? "restore" : "button"}`}
        onClick={() => (archived || !confirm ? change() : setOpen(true))}
        disabled={pending}
      >
        {archived ? <UnarchiveIcon /> : <ArchiveIcon />}
      </Button>
      {confirm && (
        <Confirm
          isOpen={open}
          loading={pending}
          title={`${messages}.title`}
          content={`${messages}.content`}
          onConfirm={change}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
};
