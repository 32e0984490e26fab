import { choicesOf } from "../../lib/choices";

/** The kinds of events the register holds (EventKind), in the order a form offers them. */
export const EVENT_KINDS = [
  "SEMINAR",
  "FORUM",
  "WEBINAR",
  "CONFERENCE",
  "CAMPAIGN",
  "LECTURE",
  "CONSULTATION_DAY",
  "WORKING_MEETING",
] as const;
export const eventKindChoices = choicesOf("EventKind", EVENT_KINDS);

/** Whom an event was for (EventAudience). */
export const EVENT_AUDIENCES = ["CITIZENS", "STAFF"] as const;
export const eventAudienceChoices = choicesOf("EventAudience", EVENT_AUDIENCES);
