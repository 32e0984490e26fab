import UploadFileIcon from "@mui/icons-material/UploadFile";
import { Box, Button, Typography } from "@mui/material";
import { useState } from "react";
import {
  DataTable,
  FilterButton,
  List,
  SelectField,
  SelectInput,
  TopToolbar,
  useListContext,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { ImportErrors, ImportStatusChip } from "../../components/ImportErrors";
import { LocaleDateField } from "../../components/localeFields";
import { ReferenceFilter } from "../../components/ReferenceFilter";
import { choicesOf } from "../../lib/choices";
import { useCanWrite } from "../../lib/resource";
import { access } from "./access";
import { registryImportKindChoices } from "./choices";
import { ImportDialog } from "./ImportDialog";
import type { RegistryImport } from "./types";

const Column = DataTable.Col<RegistryImport>;

/** A batch's kind as ImportKind names it (the list holds registry kinds only). */
const importKindChoices = choicesOf("ImportKind", ["REPORT_VALUES", "ORGANISATIONS", "CENTRES", "SERVICES"]);

const filters = [
  <ReferenceFilter key="regionId" source="regionId" reference="regions" alwaysOn optionText="name" />,
  <SelectInput key="kind" source="kind" choices={registryImportKindChoices} alwaysOn />,
];

/** The import button for curators and administrators; auditors read the history only. */
const ImportButton = () => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" startIcon={<UploadFileIcon />} onClick={() => setOpen(true)}>
        {translate("dostup.registryImports.import_button")}
      </Button>
      {open && (
        <ImportDialog
          regionId={typeof filterValues.regionId === "string" ? filterValues.regionId : undefined}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
};

const Actions = () => {
  const canWrite = useCanWrite({ access });
  return (
    <TopToolbar>
      <FilterButton />
      {canWrite && <ImportButton />}
    </TopToolbar>
  );
};

const StatusCell = () => {
  const record = useRecordContext<RegistryImport>();
  return record ? <ImportStatusChip status={record.status} /> : null;
};

/** A refused file's problems, under its row. */
const Problems = () => {
  const record = useRecordContext<RegistryImport>();
  return record ? <ImportErrors problems={record.errors} /> : null;
};

/** What the screen is for, above the history: the import itself is behind the button. */
const Intro = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, pt: 2 }}>
      <Typography variant="body2" color="text.secondary">
        {translate("dostup.registryImports.list_help")}
      </Typography>
    </Box>
  );
};

/**
 * Every registry import of the caller's regions, the newest first (the API's order): when,
 * where, what, the file, and what it did; a refused one opens onto its problems.
 */
export const RegistryImportList = () => (
  <List filters={filters} actions={<Actions />} empty={false} exporter={false}>
    <Intro />
    <DataTable
      bulkActionButtons={false}
      rowClick="expand"
      expand={<Problems />}
      isRowExpandable={(record: RegistryImport) => record.errors.length > 0}
    >
      <Column source="startedAt" disableSort>
        <LocaleDateField source="startedAt" showTime />
      </Column>
      <Column source="region.name" disableSort />
      <Column source="kind" disableSort>
        <SelectField source="kind" choices={importKindChoices} />
      </Column>
      <Column source="fileName" disableSort />
      <Column source="status" disableSort>
        <StatusCell />
      </Column>
      <Column source="rowCount" disableSort />
      <Column source="created" disableSort />
      <Column source="updated" disableSort />
      <Column source="unchanged" disableSort />
    </DataTable>
  </List>
);
