import { Chip } from "@mui/material";
import { BooleanInput, DataTable, List, SearchInput, useRecordContext, useTranslate } from "react-admin";
import { csvExporter } from "../../components/downloads";
import { ListActions } from "../../components/ListActions";
import { ReferenceFilter } from "../../components/ReferenceFilter";
import { access } from "./access";
import type { Person } from "./types";

const Column = DataTable.Col<Person>;

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceFilter key="regionId" source="regionId" reference="regions" alwaysOn optionText="name" />,
  <BooleanInput key="includeArchived" source="includeArchived" />,
];

const ArchivedMark = (_props: { source?: string }) => {
  const record = useRecordContext<Person>();
  const translate = useTranslate();
  return record?.archivedAt ? <Chip size="small" label={translate("dostup.people.archived")} /> : null;
};

const exporter = csvExporter<Person>("people", (person) => ({
  fullName: person.fullName,
  position: person.position,
  organisation: person.organisation?.name,
  region: person.region.name,
  email: person.email,
  phone: person.phone,
  photoConsent: person.photoConsent,
  archivedAt: person.archivedAt,
}));

/** Curators and other responsible people of the caller's regions. */
export const PersonList = () => (
  <List
    filters={filters}
    sort={{ field: "fullName", order: "ASC" }}
    exporter={exporter}
    actions={<ListActions access={access} />}
  >
    <DataTable bulkActionButtons={false} rowClick="show">
      <Column source="fullName" />
      <Column source="position" disableSort />
      <Column source="organisation.name" disableSort />
      <Column source="region.name" disableSort />
      <Column source="email" disableSort />
      <Column source="archivedAt" field={ArchivedMark} disableSort />
    </DataTable>
  </List>
);
