import { DataTable, TextField } from "react-admin";
import { LocaleNumberField } from "./localeFields";
import { RelatedRecords } from "./RelatedRecords";

/** The population figures of a region (`regionId`: its own and its municipalities') or of a municipality. */
export const PopulationTab = ({ target }: { target: "regionId" | "municipalityId" }) => (
  <RelatedRecords reference="population" target={target} empty="dostup.population.none">
    <DataTable.Col source="year" label="resources.population.fields.year" disableSort />
    {target === "regionId" && (
      <DataTable.Col source="municipality.name" label="resources.population.fields.municipality.name" disableSort>
        <TextField source="municipality.name" emptyText="dostup.population.region_whole" />
      </DataTable.Col>
    )}
    <DataTable.Col source="count" label="resources.population.fields.count" disableSort field={LocaleNumberField} />
    <DataTable.Col source="source" label="resources.population.fields.source" disableSort />
  </RelatedRecords>
);
