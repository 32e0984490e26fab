import { choicesOf } from "../../lib/choices";

export const CURATOR_ROLES = [
  "SERVICE_CURATOR",
  "CENTRE_CURATOR",
  "LIFE_SITUATION_CURATOR",
  "PROJECT_CURATOR",
  "REGIONAL_COORDINATOR",
] as const;
export const CURATOR_TARGETS = ["SERVICE", "CENTRE", "LIFE_SITUATION", "PROJECT", "REGION"] as const;

export const roleChoices = choicesOf("CuratorRole", CURATOR_ROLES);
export const targetChoices = choicesOf("CuratorTarget", CURATOR_TARGETS);

/** Each kind of target but the region: its field in the form and input, and the API type its records have. */
export const TARGETS: Partial<Record<string, { source: string; connection: string; typename: string }>> = {
  SERVICE: { source: "serviceId", connection: "services", typename: "Service" },
  CENTRE: { source: "centreId", connection: "centres", typename: "Centre" },
  LIFE_SITUATION: { source: "lifeSituationId", connection: "lifeSituations", typename: "LifeSituation" },
  PROJECT: { source: "projectId", connection: "projects", typename: "Project" },
};

/** The usual role for a kind of target, proposed when the target kind is chosen. */
export const ROLE_FOR_TARGET: Record<string, string> = {
  SERVICE: "SERVICE_CURATOR",
  CENTRE: "CENTRE_CURATOR",
  LIFE_SITUATION: "LIFE_SITUATION_CURATOR",
  PROJECT: "PROJECT_CURATOR",
  REGION: "REGIONAL_COORDINATOR",
};

/** Kinds of target a municipality names its own curator of (seed 002: every socially significant service). */
export const MUNICIPAL_TARGETS: ReadonlySet<string> = new Set(["SERVICE", "LIFE_SITUATION"]);
