import { choicesOf } from "../../lib/choices";

export const PERIODICITIES = ["MONTHLY", "QUARTERLY", "ANNUAL"] as const;
export const FORM_STATUSES = ["DRAFT", "ACTIVE", "RETIRED"] as const;
export const periodicityChoices = choicesOf("Periodicity", PERIODICITIES);
export const statusChoices = choicesOf("ReportFormStatus", FORM_STATUSES);
/** A form is created or edited as a draft or active; retiring is its own action. */
export const writableStatusChoices = statusChoices.filter((choice) => choice.id !== "RETIRED");
