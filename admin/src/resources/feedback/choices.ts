import { choicesOf } from "../../lib/choices";
import type { Named } from "../../lib/records";

export const FEEDBACK_STATUSES = [
  "RECEIVED",
  "IN_PROGRESS",
  "ANSWERED",
  "CLOSED",
  "REJECTED",
  "DUPLICATE",
  "REDIRECTED",
] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_SUBJECTS = ["CENTRE", "SERVICE", "LIFE_SITUATION", "OTHER"] as const;
export type FeedbackSubject = (typeof FEEDBACK_SUBJECTS)[number];

export const feedbackStatusChoices = choicesOf("FeedbackStatus", FEEDBACK_STATUSES);
export const feedbackSubjectChoices = choicesOf("FeedbackSubject", FEEDBACK_SUBJECTS);
export const ratingChoices = [1, 2, 3, 4, 5].map((id) => ({ id, name: String(id) }));

export const STATUS_COLOURS: Record<FeedbackStatus, "default" | "info" | "warning" | "success" | "error"> = {
  RECEIVED: "info",
  IN_PROGRESS: "warning",
  ANSWERED: "success",
  CLOSED: "default",
  REJECTED: "error",
  DUPLICATE: "default",
  REDIRECTED: "default",
};

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
  systemicError: boolean;
  category: { id: string; name: string };
  centre: { id: string; name: string } | null;
  region: Named;
  allowedTransitions?: FeedbackStatus[];
  events?: FeedbackEvent[];
  assignedCurator?: { id: string; fullName: string } | null;
}
