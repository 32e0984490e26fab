import { DataTable, List, NumberInput, SelectInput, TextField } from "react-admin";
import { LocaleNumberField } from "../../components/localeFields";
import { ReferenceFilter } from "../../components/ReferenceFilter";
import { choicesOf } from "../../lib/choices";
import { CorrectPopulationButton } from "./CorrectPopulationButton";

const levelChoices = choicesOf("PopulationLevel", ["REGION", "MUNICIPALITY"] as const);

const filters = [
  <ReferenceFilter key="regionId" source="regionId" reference="regions" alwaysOn />,
  <NumberInput key="year" source="year" alwaysOn />,
  <SelectInput key="level" source="level" choices={levelChoices} alwaysOn />,
];

// The API lists the latest year first, by region, and sorts no other way.
export const PopulationList = () => (
  <List filters={filters} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="year" disableSort />
      <DataTable.Col source="region.name" disableSort />
      <DataTable.Col source="municipality.name" disableSort>
        <TextField source="municipality.name" emptyText="dostup.population.region_whole" />
      </DataTable.Col>
      <DataTable.Col source="count" disableSort field={LocaleNumberField} />
      <DataTable.Col source="source" disableSort />
      <DataTable.Col disableSort>
        <CorrectPopulationButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
