import {
  EditButton,
  Labeled,
  Link,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { DayField } from "../../components/DayField";
import { RecordShow } from "../../components/RecordShow";
import { type Assignment, targetName } from "../../lib/records";
import { useCanWrite } from "../../lib/resource";
import { access } from "./access";
import { EndAssignmentButton } from "./EndAssignmentButton";

const Actions = () => {
  const canWrite = useCanWrite({ access });
  return (
    <TopToolbar>
      <EndAssignmentButton />
      {canWrite && <EditButton />}
    </TopToolbar>
  );
};

const Translated = ({ prefix, source }: { prefix: string; source: "role" | "targetType" }) => {
  const record = useRecordContext<Assignment>();
  const translate = useTranslate();
  return record ? <span>{translate(`${prefix}.${record[source]}`)}</span> : null;
};

/** The curator's card, with their whole timeline. */
const PersonLink = (_props: { source?: string }) => {
  const record = useRecordContext<Assignment & { person: { id: string; fullName: string } }>();
  return record ? (
    <Link to={`/people/${encodeURIComponent(record.person.id)}/show`}>{record.person.fullName}</Link>
  ) : null;
};

const Target = (_props: { source?: string }) => {
  const record = useRecordContext<Assignment>();
  return record ? <span>{targetName(record)}</span> : null;
};

const YesNo = ({ source }: { source: "primary" | "active" }) => {
  const record = useRecordContext<Assignment>();
  const translate = useTranslate();
  return record ? (
    <span>{translate(record[source] ? "dostup.curatorAssignments.yes" : "dostup.curatorAssignments.no")}</span>
  ) : null;
};

export const AssignmentShow = () => (
  <RecordShow actions={<Actions />}>
    <TabbedShowLayout.Tab label="dostup.curatorAssignments.tab">
      <Labeled source="person.fullName">
        <PersonLink />
      </Labeled>
      <Labeled source="role">
        <Translated prefix="enums.CuratorRole" source="role" />
      </Labeled>
      <Labeled source="targetType">
        <Translated prefix="enums.CuratorTarget" source="targetType" />
      </Labeled>
      <Labeled source="target">
        <Target />
      </Labeled>
      <TextField source="region.name" />
      <TextField source="municipality.name" emptyText="dostup.curatorAssignments.whole_region" />
      <Labeled source="primary">
        <YesNo source="primary" />
      </Labeled>
      <Labeled source="validFrom">
        <DayField source="validFrom" />
      </Labeled>
      <Labeled source="validTo">
        <DayField source="validTo" emptyText="dostup.curatorAssignments.to_date" />
      </Labeled>
      <Labeled source="active">
        <YesNo source="active" />
      </Labeled>
      <TextField source="note" emptyText="—" />
    </TabbedShowLayout.Tab>
  </RecordShow>
);
