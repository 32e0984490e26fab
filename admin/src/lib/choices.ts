// The API's enums as choices of inputs and fields. Choice names are i18n keys
// (`enums.<Type>.<VALUE>`): react-admin translates them when it shows them. Each resource
// lists its own enums; those several resources show are here, with their messages in i18n/.

/** The choices of an enum: its values named by their message keys. */
export const choicesOf = <T extends string | number>(type: string, values: readonly T[]) =>
  values.map((id) => ({ id, name: `enums.${type}.${id}` }));

/** Services and life situations: the catalogue's records. */
export const PUBLICATION_STATUSES = ["DRAFT", "PUBLISHED", "ARCHIVED"] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
export const publicationStatusChoices = choicesOf("PublicationStatus", PUBLICATION_STATUSES);
/** What a form may set: archiving is a step of its own (ArchiveRestoreButton). */
export const editableStatusChoices = choicesOf("PublicationStatus", ["DRAFT", "PUBLISHED"] as const);

/** Quality targets and KPIs: whether a value must stay at least or at most at the target. */
export const TARGET_DIRECTIONS = ["AT_LEAST", "AT_MOST"] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];
export const targetDirectionChoices = choicesOf("TargetDirection", TARGET_DIRECTIONS);

/** Centres, also listed under their host organisation. */
export const CENTRE_STATUSES = ["ACTIVE", "TEMPORARILY_CLOSED", "INACTIVE", "CLOSED"] as const;
export type CentreStatus = (typeof CENTRE_STATUSES)[number];
export const centreStatusChoices = choicesOf("CentreStatus", CENTRE_STATUSES);

/** Municipalities, also listed under their region. */
export const MUNICIPALITY_KINDS = [
  "MUNICIPAL_DISTRICT",
  "MUNICIPAL_OKRUG",
  "URBAN_DISTRICT",
  "URBAN_SETTLEMENT",
  "RURAL_SETTLEMENT",
  "INTRACITY_TERRITORY",
] as const;
export const municipalityKindChoices = choicesOf("MunicipalityKind", MUNICIPALITY_KINDS);
