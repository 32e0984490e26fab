// What a partner app's key may do. A scope is stored in ApiClient.scopes as its value
// ("registry:read"), offered in GraphQL as the enum name (REGISTRY_READ), and required by the
// fields that declare `partner: "registry:read"` in their auth scopes. Adding a scope is one
// line here, then declaring it on the fields it opens.

export const API_SCOPES = {
  REGISTRY_READ: {
    value: "registry:read",
    description:
      "The published registry: regions, municipalities and settlements, organisations, centres with their hours and services, the service catalogue, life situations, approved quality standards, feedback categories, centresNear and centresCsv.",
  },
  STATISTICS_READ: {
    value: "statistics:read",
    description:
      "Published figures: regionStatistics, approved and published reports with their forms and values, KPIs and their values, kpiProgress, the activity analytics, mobile offices' visits and activity, the event register (events), reportExport and reportsCsv; with the regions, municipalities and settlements they belong to.",
  },
  FEEDBACK_WRITE: {
    value: "feedback:write",
    description:
      "Citizens' feedback on a published service or a centre, submitted on their behalf (submitCitizenFeedback), and the status of what this key submitted, read back by its reference (feedbackStatus). Never anyone's personal data or other keys' feedback.",
  },
} as const;

export type ApiScope = (typeof API_SCOPES)[keyof typeof API_SCOPES]["value"];

/** Every scope there is, e.g. for a field any partner key may call (node). */
export const ALL_API_SCOPES: readonly ApiScope[] = Object.values(API_SCOPES).map((scope) => scope.value);

export function isApiScope(value: string): value is ApiScope {
  return (ALL_API_SCOPES as readonly string[]).includes(value);
}
