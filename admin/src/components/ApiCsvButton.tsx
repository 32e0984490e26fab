import DownloadIcon from "@mui/icons-material/GetApp";
import { Button, type DataProvider, useDataProvider, useListContext, useNotify } from "react-admin";
import type { CsvExport } from "../providers/definition";
import { saveText } from "./downloads";

/**
 * Exports a list as the API's own CSV (the resource's `csv` query) with the filters on screen:
 * every matching record, in the columns the API gives partners, not the page shown.
 */
export const ApiCsvButton = ({ label = "ra.action.export" }: { label?: string }) => {
  const { resource, filterValues } = useListContext();
  const dataProvider = useDataProvider<DataProvider & CsvExport>();
  const notify = useNotify();
  const exportCsv = async () => {
    try {
      const { text, fileName } = await dataProvider.exportCsv(resource, filterValues);
      saveText(text, fileName);
    } catch (error) {
      notify(error instanceof Error ? error.message : "dostup.error.unexpected", { type: "error" });
    }
  };
  return (
    <Button label={label} onClick={exportCsv}>
      <DownloadIcon />
    </Button>
  );
};
