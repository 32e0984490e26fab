import WarningAmberIcon from "@mui/icons-material/WarningAmber";
import { Chip, Stack, Tooltip } from "@mui/material";
import {
  BooleanInput,
  DataTable,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  useListContext,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { ListActions } from "../../components/ListActions";
import { LocaleDateField } from "../../components/localeFields";
import { ReferenceFilter } from "../../components/ReferenceFilter";
import { centreStatusChoices } from "../../lib/choices";
import { centreAccess } from "./access";
import { CentreKindsField } from "./CentreKindsField";
import { centreKindChoices, ruralChoices } from "./choices";
import { SignatureField } from "./SignatureField";
import type { CentreRecord } from "./types";

const Column = DataTable.Col<CentreRecord>;

/** Municipalities of the region chosen in the filter (all readable ones without it). */
const MunicipalityFilter = (props: { source: string; alwaysOn?: boolean }) => {
  const { filterValues } = useListContext();
  return <ReferenceFilter {...props} reference="municipalities" filter={{ regionId: filterValues.regionId }} />;
};

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={centreStatusChoices} />,
  <SelectInput key="kind" source="kind" choices={centreKindChoices} />,
  <ReferenceFilter key="regionId" source="regionId" reference="regions" />,
  <MunicipalityFilter key="municipalityId" source="municipalityId" />,
  <ReferenceFilter key="hostOrganisationId" source="hostOrganisationId" reference="organisations" />,
  <SelectInput key="rural" source="rural" choices={ruralChoices} />,
  <BooleanInput key="includeArchived" source="includeArchived" />,
];

/** The status, a warning sign whose tooltip is the status alert, and an archive mark. */
const StatusCell = () => {
  const record = useRecordContext<CentreRecord>();
  const translate = useTranslate();
  if (!record) {
    return null;
  }
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: "center", flexWrap: "wrap" }}>
      <SelectField source="status" choices={centreStatusChoices} />
      {record.statusAlert && (
        <Tooltip title={record.statusAlert}>
          <WarningAmberIcon color="warning" fontSize="small" aria-label={record.statusAlert} />
        </Tooltip>
      )}
      {record.archivedAt && <Chip size="small" label={translate("dostup.centres.archived")} />}
    </Stack>
  );
};

// The API sorts centres by name, creation date and signature expiry only.
export const CentreList = () => (
  <List
    filters={filters}
    sort={{ field: "name", order: "ASC" }}
    actions={<ListActions access={centreAccess} filterButton />}
  >
    <DataTable bulkActionButtons={false}>
      <Column source="name" />
      <Column source="kinds" field={CentreKindsField} disableSort />
      <Column source="status" disableSort>
        <StatusCell />
      </Column>
      <Column source="region.name" disableSort />
      <Column source="settlement.name" disableSort />
      <Column source="hostOrganisation.name" disableSort />
      <Column source="signatureValidUntil" label="dostup.centres.signature.column">
        <SignatureField source="signatureValidUntil" />
      </Column>
      <Column source="lastVerifiedAt" disableSort>
        <LocaleDateField source="lastVerifiedAt" emptyText="—" />
      </Column>
    </DataTable>
  </List>
);
