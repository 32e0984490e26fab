import { CENTRE_KINDS, CENTRE_STATUSES } from "../../types";

// Choice names are i18n keys: react-admin translates them when it shows them.
export const centreKindChoices = CENTRE_KINDS.map((id) => ({
  id,
  name: `enums.CentreKind.${id}`,
}));

export const centreStatusChoices = CENTRE_STATUSES.map((id) => ({
  id,
  name: `enums.CentreStatus.${id}`,
}));
