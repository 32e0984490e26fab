// Choice names are i18n keys: react-admin translates them when it shows them.
export const SERVICE_LEVELS = ["FEDERAL", "REGIONAL", "MUNICIPAL"] as const;
export const PUBLICATION_STATUSES = ["DRAFT", "PUBLISHED", "ARCHIVED"] as const;
export const EDITABLE_STATUSES = ["DRAFT", "PUBLISHED"] as const;

const choicesOf = (type: string, values: readonly string[]) =>
  values.map((id) => ({ id, name: `enums.${type}.${id}` }));

export const serviceLevelChoices = choicesOf("ServiceLevel", SERVICE_LEVELS);
export const publicationStatusChoices = choicesOf("PublicationStatus", PUBLICATION_STATUSES);
export const editableStatusChoices = choicesOf("PublicationStatus", EDITABLE_STATUSES);

export interface RegionRef {
  id: string;
  name: string;
}

export interface ServiceRecord {
  id: string;
  version: number;
  name: string;
  shortName: string | null;
  level: (typeof SERVICE_LEVELS)[number];
  status: (typeof PUBLICATION_STATUSES)[number];
  region: RegionRef | null;
  registryId: string | null;
  electronic: boolean;
  updatedAt: string;
}
