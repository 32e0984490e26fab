import { CENTRE_KINDS, CENTRE_STATUSES } from "../../types";
import { HELP_KINDS } from "./types";

// Choice names are i18n keys: react-admin translates them when it shows them.
export const centreKindChoices = CENTRE_KINDS.map((id) => ({
  id,
  name: `enums.CentreKind.${id}`,
}));

export const centreStatusChoices = CENTRE_STATUSES.map((id) => ({
  id,
  name: `enums.CentreStatus.${id}`,
}));

export const helpKindChoices = HELP_KINDS.map((id) => ({
  id,
  name: `enums.CentreHelpKind.${id}`,
}));

// The `rural` filter is a boolean; the choices name the two kinds of place.
export const ruralChoices = [
  { id: true, name: "dostup.centres.rural.RURAL" },
  { id: false, name: "dostup.centres.rural.URBAN" },
];

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const weekdayChoices = WEEKDAYS.map((id) => ({ id, name: `dostup.centres.weekdays.${id}` }));
