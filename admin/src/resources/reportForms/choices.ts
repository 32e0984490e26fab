export const PERIODICITIES = ["MONTHLY", "QUARTERLY", "ANNUAL"] as const;
export const FORM_STATUSES = ["DRAFT", "ACTIVE", "RETIRED"] as const;
// Choice names are i18n keys: react-admin translates them when it shows them.
export const periodicityChoices = PERIODICITIES.map((id) => ({ id, name: `enums.Periodicity.${id}` }));
export const statusChoices = FORM_STATUSES.map((id) => ({ id, name: `enums.ReportFormStatus.${id}` }));
/** A form is created or edited as a draft or active; retiring is its own action. */
export const writableStatusChoices = statusChoices.filter((choice) => choice.id !== "RETIRED");
