import { ReferenceField, SelectField, TabbedShowLayout, TextField, TopToolbar } from "react-admin";
import { StatusField } from "../../components/FeedbackStatusField";
import { LocaleDateField, LocaleNumberField } from "../../components/localeFields";
import { RecordShow } from "../../components/RecordShow";
import { useRole } from "../../lib/resource";
import { feedbackSubjectChoices } from "./choices";
import { EventsTimeline } from "./EventsTimeline";
import { HandlingButtons } from "./HandlingButtons";
import { WorkflowButtons } from "./WorkflowButtons";

// No edit page: feedback changes only through its workflow, assignment and its systemic error.
const FeedbackActions = () => (
  <TopToolbar sx={{ alignItems: "center" }}>
    <WorkflowButtons />
    <HandlingButtons />
  </TopToolbar>
);

const RATINGS = ["ratingTime", "ratingWaiting", "ratingStaff", "ratingComfort", "ratingInformation"] as const;

export const FeedbackShow = () => {
  // The change log is internal to staff who oversee regions: the API refuses it to operators.
  const history = useRole() !== "OPERATOR";
  return (
    <RecordShow actions={<FeedbackActions />} history={history}>
      <TabbedShowLayout.Tab label="dostup.details.tab">
        <StatusField source="status" label="resources.feedback.fields.status" />
        <TextField source="reference" emptyText="—" />
        <TextField source="apiClientName" emptyText="dostup.feedback.by_staff" />
        <TextField source="externalId" emptyText="—" />
        <TextField source="category.name" />
        <SelectField source="subjectType" choices={feedbackSubjectChoices} />
        <ReferenceField source="centre.id" reference="centres" emptyText="—" link="show">
          <TextField source="name" />
        </ReferenceField>
        <ReferenceField source="service.id" reference="services" emptyText="—" link="show">
          <TextField source="name" />
        </ReferenceField>
        <ReferenceField source="lifeSituation.id" reference="lifeSituations" emptyText="—" link="show">
          <TextField source="name" />
        </ReferenceField>
        <TextField source="region.name" />
        <TextField source="text" />
        <LocaleDateField source="receivedAt" showTime />
        <LocaleDateField source="dueAt" showTime />
        <TextField source="assignedCurator.fullName" emptyText="—" />
        <TextField source="authorName" emptyText="—" />
        <TextField source="authorContact" emptyText="—" />
        {RATINGS.map((rating) => (
          <LocaleNumberField key={rating} source={rating} emptyText="—" />
        ))}
        <TextField source="answer" emptyText="—" />
        <LocaleDateField source="answeredAt" showTime emptyText="—" />
        <TextField source="redirectedTo" emptyText="—" />
        <ReferenceField source="duplicateOf.id" reference="feedback" emptyText="—" link="show">
          <TextField source="text" />
        </ReferenceField>
        <ReferenceField source="systemicError.id" reference="systemicErrors" emptyText="—" link="show">
          <TextField source="title" />
        </ReferenceField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.feedback.fields.events" path="events">
        <EventsTimeline />
      </TabbedShowLayout.Tab>
    </RecordShow>
  );
};
