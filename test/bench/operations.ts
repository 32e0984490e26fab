// The standard operations of the bench (issue 7): what each sends, as whom, and how a
// response is checked. Q2 is the API issue's "page of 50 centres with nested relations"
// (test/api/centres.test.ts).

export const Q1 = `query Q1($id: ID!) { node(id: $id) { ... on Centre {
  id name address status kinds latitude longitude workstations printers scanners
  phone email website signatureValidUntil lastVerifiedAt version } } }`;

export const Q2 = `query Q2($first: Int) { centres(first: $first) { totalCount edges { node { id name
  hostOrganisation { name }
  settlement { name isRural municipality { name region { name } } }
  activeCurators { role person { lastName firstName } }
  services { helpKinds service { name } } } } } }`;

/** Three nested list levels: services → the centres helping with each → each centre's services. */
export const Q3 = `query Q3($regionId: ID) { services(first: 5, filter: { regionId: $regionId }) { edges { node { id name
  centres(first: 10) { edges { node { helpKinds centre { id name
    services { helpKinds service { name } } } } } } } } } }`;

export const Q4 = `query Q4($s: ID!, $lat: Float!, $lon: Float!) {
  centresNear(serviceId: $s, latitude: $lat, longitude: $lon, radiusKm: 100, first: 20) { id name address distanceKm } }`;

export const M1 = `mutation M1($input: SetReportValuesInput!) { setReportValues(input: $input) {
  __typename
  ... on MutationSetReportValuesSuccess { data { id version status } }
  ... on ConflictError { message }
  ... on ValidationError { message }
  ... on ForbiddenError { message }
  ... on NotFoundError { message } } }`;

export interface Indicator {
  code: string;
  hasRuralSplit: boolean;
}

/** A full set of fresh values for a form's indicators (rural within the total where split). */
export function reportValues(indicators: readonly Indicator[], seed: number) {
  return indicators.map((indicator, i) => {
    const total = 10 + ((seed * 7919 + i * 104729) % 5000);
    return indicator.hasRuralSplit
      ? { indicatorCode: indicator.code, total, rural: Math.floor(total / 3) }
      : { indicatorCode: indicator.code, total };
  });
}

/** The first GraphQL error, an unexpected __typename, or null when the answer is whole. */
export function problemOf(body: string): string | null {
  let parsed: { data?: Record<string, unknown> | null; errors?: { message: string }[] };
  try {
    parsed = JSON.parse(body);
  } catch {
    return `not JSON: ${body.slice(0, 200)}`;
  }
  if (parsed.errors?.length) return parsed.errors[0]?.message ?? "error";
  if (!parsed.data) return "no data";
  const outcome = parsed.data.setReportValues as { __typename?: string; message?: string } | undefined;
  if (outcome && outcome.__typename !== "MutationSetReportValuesSuccess")
    return `${outcome.__typename}: ${outcome.message ?? ""}`;
  return null;
}
