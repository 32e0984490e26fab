import { CreateButton, ExportButton, FilterButton, TopToolbar } from "react-admin";
import { type AdminResource, useCanWrite } from "../lib/resource";

interface ListActionsProps {
  /** The resource's roles: the create button shows only to those who may write. */
  access: AdminResource["access"];
  /** The create button's label, when not react-admin's "Create". */
  createLabel?: string;
  /** A button that shows the filters not always on. */
  filterButton?: boolean;
}

/** A list's toolbar: create for those who may write, and the CSV export. */
export const ListActions = ({ access, createLabel, filterButton = false }: ListActionsProps) => {
  const canWrite = useCanWrite({ access });
  return (
    <TopToolbar>
      {filterButton && <FilterButton />}
      {canWrite && <CreateButton label={createLabel} />}
      <ExportButton />
    </TopToolbar>
  );
};
