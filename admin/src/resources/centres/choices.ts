import { choicesOf } from "../../lib/choices";
import { CENTRE_KINDS } from "./types";

export const centreKindChoices = choicesOf("CentreKind", CENTRE_KINDS);

// The `rural` filter is a boolean; the choices name the two kinds of place.
export const ruralChoices = [
  { id: true, name: "dostup.centres.rural.RURAL" },
  { id: false, name: "dostup.centres.rural.URBAN" },
];

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
