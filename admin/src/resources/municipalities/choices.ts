export const MUNICIPALITY_KINDS = [
  "MUNICIPAL_DISTRICT",
  "MUNICIPAL_OKRUG",
  "URBAN_DISTRICT",
  "URBAN_SETTLEMENT",
  "RURAL_SETTLEMENT",
  "INTRACITY_TERRITORY",
] as const;

// Choice names are i18n keys: react-admin translates them when it shows them.
export const municipalityKindChoices = MUNICIPALITY_KINDS.map((id) => ({ id, name: `enums.MunicipalityKind.${id}` }));
