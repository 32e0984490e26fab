import { CreateButton, ExportButton, FilterButton, TopToolbar, useResourceDefinition } from "react-admin";
import { type AdminResource, useCanWrite } from "../lib/resource";
import { ApiCsvButton } from "./ApiCsvButton";

interface ListActionsProps {
  /** The resource's roles: the create button shows only to those who may write. */
  access: AdminResource["access"];
  /** The create button's label, when not react-admin's "Create". */
  createLabel?: string;
  /** A button that shows the filters not always on. */
  filterButton?: boolean;
}

/**
 * A list's toolbar: create for those who may write, and the CSV export: the API's CSV of the
 * list where the resource names one, else the rows react-admin fetched.
 */
export const ListActions = ({ access, createLabel, filterButton = false }: ListActionsProps) => {
  const canWrite = useCanWrite({ access });
  const apiCsv = Boolean(useResourceDefinition().options?.apiCsv);
  return (
    <TopToolbar>
      {filterButton && <FilterButton />}
      {canWrite && <CreateButton label={createLabel} />}
      {apiCsv ? <ApiCsvButton /> : <ExportButton />}
    </TopToolbar>
  );
};
