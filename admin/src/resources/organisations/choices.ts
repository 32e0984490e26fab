import { choicesOf } from "../../lib/choices";

export const ORGANISATION_KINDS = ["LIBRARY", "MFC", "AUTHORITY", "OTHER"] as const;

export const organisationKindChoices = choicesOf("OrganisationKind", ORGANISATION_KINDS);
