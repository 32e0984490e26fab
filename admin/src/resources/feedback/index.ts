import FeedbackIcon from "@mui/icons-material/Feedback";
import { formInput } from "../../lib/input";
import { type AdminResource, EVERYONE } from "../../lib/resource";
import { FeedbackCreate } from "./FeedbackCreate";
import { FeedbackList } from "./FeedbackList";
import { FeedbackShow } from "./FeedbackShow";
import { en, ru } from "./messages";

const LIST_FIELDS = `version status subjectType text receivedAt dueAt overdue reference apiClientName
  systemicError { id title status } category { id name } centre { id name } region { id name }`;

const SUBMITTED = [
  "categoryId",
  "subjectType",
  "centreId",
  "serviceId",
  "lifeSituationId",
  "regionId",
  "ratingTime",
  "ratingWaiting",
  "ratingStaff",
  "ratingComfort",
  "ratingInformation",
  "text",
  "authorName",
  "authorContact",
] as const;

// Only the subject's own reference is sent: one left over from another subject type would
// be a second, possibly contradicting subject.
const SUBJECT_REFERENCE: Record<string, string | undefined> = {
  SERVICE: "serviceId",
  LIFE_SITUATION: "lifeSituationId",
};

export default {
  name: "feedback",
  definition: {
    typename: "Feedback",
    fields: LIST_FIELDS,
    detailFields: `${LIST_FIELDS} allowedTransitions answer answeredAt authorName authorContact redirectedTo externalId
      ratingTime ratingWaiting ratingStaff ratingComfort ratingInformation updatedAt
      service { id name } lifeSituation { id name } duplicateOf { id text } assignedCurator { id fullName }
      events { at actorName fromStatus toStatus comment }`,
    filters: {
      search: "String",
      status: "FeedbackStatus",
      categoryId: "ID",
      centreId: "ID",
      regionId: "ID",
      serviceId: "ID",
      subjectType: "FeedbackSubject",
      systemicErrorId: "ID",
      hasSystemicError: "Boolean",
      fromApp: "Boolean",
      apiClientId: "ID",
      overdue: "Boolean",
    },
    orderBy: { type: "FeedbackOrderBy", fields: { receivedAt: "RECEIVED_AT", dueAt: "DUE_AT" } },
    create: {
      mutation: "submitFeedback",
      input: (data) => {
        const input = formInput(data, undefined, SUBMITTED);
        for (const field of ["serviceId", "lifeSituationId"]) {
          if (SUBJECT_REFERENCE[String(data.subjectType)] !== field) {
            delete input[field];
          }
        }
        const receivedAt = data.receivedAt ? new Date(data.receivedAt as string | Date) : undefined;
        return receivedAt && !Number.isNaN(receivedAt.getTime())
          ? { ...input, receivedAt: receivedAt.toISOString() }
          : input;
      },
    },
  },
  list: FeedbackList,
  show: FeedbackShow,
  create: FeedbackCreate,
  icon: FeedbackIcon,
  recordRepresentation: (record) => String(record.text ?? "").slice(0, 60),
  // Operators read and submit feedback about their own centre; auditors only read. Moving it
  // along the workflow is offered per record from `allowedTransitions`.
  access: { read: EVERYONE, write: ["ADMIN", "CURATOR", "OPERATOR"] },
  messages: { ru, en },
} satisfies AdminResource;
