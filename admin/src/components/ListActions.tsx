import { CreateButton, ExportButton, FilterButton, TopToolbar } from "react-admin";
import { type AdminResource, useCanWrite } from "../lib/resource";
import { ApiCsvButton } from "./ApiCsvButton";

interface ListActionsProps {
  /** The resource's roles: the create button shows only to those who may write. */
  access: AdminResource["access"];
  /** The create button's label, when not react-admin's "Create". */
  createLabel?: string;
  /** A button that shows the filters not always on. */
  filterButton?: boolean;
  /** Export the API's CSV of the list (the resource's `csv`) instead of the rows on screen. */
  apiCsv?: boolean;
}

/** A list's toolbar: create for those who may write, and the CSV export. */
export const ListActions = ({ access, createLabel, filterButton = false, apiCsv = false }: ListActionsProps) => {
  const canWrite = useCanWrite({ access });
  return (
    <TopToolbar>
      {filterButton && <FilterButton />}
      {canWrite && <CreateButton label={createLabel} />}
      {apiCsv ? <ApiCsvButton /> : <ExportButton />}
    </TopToolbar>
  );
};
