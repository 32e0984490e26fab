import { FEEDBACK_STATUSES, type FeedbackStatus } from "../../components/FeedbackStatusField";
import { choicesOf } from "../../lib/choices";
import type { Named } from "../../lib/records";

export { FEEDBACK_STATUSES, type FeedbackStatus };

export const FEEDBACK_SUBJECTS = ["CENTRE", "SERVICE", "LIFE_SITUATION", "OTHER"] as const;
export type FeedbackSubject = (typeof FEEDBACK_SUBJECTS)[number];

export const feedbackStatusChoices = choicesOf("FeedbackStatus", FEEDBACK_STATUSES);
export const feedbackSubjectChoices = choicesOf("FeedbackSubject", FEEDBACK_SUBJECTS);
export const ratingChoices = [1, 2, 3, 4, 5].map((id) => ({ id, name: String(id) }));

export interface FeedbackEvent {
  at: string;
  actorName: string | null;
  fromStatus: FeedbackStatus | null;
  toStatus: FeedbackStatus;
  comment: string | null;
}

export interface FeedbackRecord {
  id: string;
  version: number;
  status: FeedbackStatus;
  subjectType: FeedbackSubject;
  text: string;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  reference: string | null;
  apiClientName: string | null;
  systemicError: { id: string; title: string; status: string } | null;
  category: { id: string; name: string };
  centre: { id: string; name: string } | null;
  region: Named;
  service?: { id: string; name: string } | null;
  allowedTransitions?: FeedbackStatus[];
  events?: FeedbackEvent[];
  assignedCurator?: { id: string; fullName: string } | null;
}
