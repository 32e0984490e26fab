export const ORGANISATION_KINDS = ["LIBRARY", "MFC", "AUTHORITY", "OTHER"] as const;

// Choice names are i18n keys: react-admin translates them when it shows them.
export const organisationKindChoices = ORGANISATION_KINDS.map((id) => ({ id, name: `enums.OrganisationKind.${id}` }));
