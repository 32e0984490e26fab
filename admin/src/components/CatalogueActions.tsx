import { EditButton, TopToolbar, useRecordContext } from "react-admin";
import type { Named } from "../lib/records";
import { useWriteScope } from "../lib/writeScope";
import { ArchiveRestoreButton } from "./ArchiveRestoreButton";

interface CatalogueActionsProps {
  /** The record's archive and restore mutations, e.g. "archiveService" and "restoreService". */
  archive: string;
  restore: string;
}

/**
 * A catalogue record's actions (a service or a life situation): edit, archive and restore,
 * for those who may write in its region (federal records: administrators).
 */
export const CatalogueActions = ({ archive, restore }: CatalogueActionsProps) => {
  const record = useRecordContext<{ region: Named | null }>();
  const scope = useWriteScope();
  if (!record || !scope.canWriteRegion(record.region?.id ?? null)) {
    return <TopToolbar />;
  }
  return (
    <TopToolbar>
      <EditButton />
      <ArchiveRestoreButton archive={archive} restore={restore} messages="dostup.catalogue.archive" />
    </TopToolbar>
  );
};
