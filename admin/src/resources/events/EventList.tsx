import {
  BooleanInput,
  DataTable,
  DateInput,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  useRecordContext,
} from "react-admin";
import { NameWithArchived } from "../../components/Archived";
import { DayField } from "../../components/DayField";
import { csvExporter } from "../../components/downloads";
import { ListActions } from "../../components/ListActions";
import { LocaleNumberField } from "../../components/localeFields";
import { ReferenceFilter } from "../../components/ReferenceFilter";
import { csvDate } from "../../lib/format";
import { access } from "./access";
import { eventAudienceChoices, eventKindChoices } from "./choices";
import type { EventRecord } from "./types";

const Column = DataTable.Col<EventRecord>;

// The period keeps the events it overlaps: a forum of 30 May – 1 June is in May and in June.
const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceFilter key="regionId" source="regionId" reference="regions" alwaysOn optionText="name" />,
  <SelectInput key="kind" source="kind" choices={eventKindChoices} alwaysOn />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  <SelectInput key="audience" source="audience" choices={eventAudienceChoices} />,
  <BooleanInput key="includeArchived" source="includeArchived" />,
];

/** One day, or the first and the last. */
const PeriodCell = () => {
  const record = useRecordContext<EventRecord>();
  if (!record) {
    return null;
  }
  return (
    <span>
      <DayField source="startsOn" />
      {record.endsOn !== record.startsOn && (
        <>
          {" – "}
          <DayField source="endsOn" />
        </>
      )}
    </span>
  );
};

const exporter = csvExporter<EventRecord>("events", (event) => ({
  id: event.id,
  title: event.title,
  kind: event.kind,
  audience: event.audience,
  startsOn: csvDate(event.startsOn),
  endsOn: csvDate(event.endsOn),
  participants: event.participants,
  region: event.region.name,
  hostOrganisation: event.hostOrganisation?.name,
  centre: event.centre?.name,
  project: event.project?.name,
  municipalities: event.municipalities.map((municipality) => municipality.name).join("; "),
  archivedAt: csvDate(event.archivedAt),
}));

/** The register of events of the caller's regions, the newest first. */
export const EventList = () => (
  <List
    filters={filters}
    sort={{ field: "startsOn", order: "DESC" }}
    exporter={exporter}
    actions={<ListActions access={access} filterButton />}
  >
    <DataTable bulkActionButtons={false} rowClick="show">
      <Column source="title">
        <NameWithArchived name="title" message="dostup.events.archived" />
      </Column>
      <Column source="kind" disableSort>
        <SelectField source="kind" choices={eventKindChoices} />
      </Column>
      <Column source="startsOn">
        <PeriodCell />
      </Column>
      <Column source="audience" disableSort>
        <SelectField source="audience" choices={eventAudienceChoices} />
      </Column>
      <Column source="participants" disableSort field={LocaleNumberField} />
      <Column source="region.name" disableSort />
    </DataTable>
  </List>
);
