import type { RegionRef } from "../services/choices";

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

// Choice names are i18n keys: react-admin translates them when it shows them.
export const feedbackStatusChoices = FEEDBACK_STATUSES.map((id) => ({ id, name: `enums.FeedbackStatus.${id}` }));
export const feedbackSubjectChoices = FEEDBACK_SUBJECTS.map((id) => ({ id, name: `enums.FeedbackSubject.${id}` }));
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
  region: RegionRef;
  allowedTransitions?: FeedbackStatus[];
  events?: FeedbackEvent[];
  assignedCurator?: { id: string; fullName: string } | null;
}
