// The GraphQL documents the load and fault runs send, checked against the printed schema
// before a run, and how an answer is classified (ok, success, a typed error, or a failure).
import { buildSchema, type GraphQLSchema, parse, validate } from "graphql";
import type { Answer } from "./stack.js";

const RESULT = `__typename ... on Error { message } ... on ConflictError { currentVersion }
  ... on ValidationError { issues { field message } }`;

export const DOCUMENTS = {
  centres: `query Centres($first: Int, $filter: CentreFilter) { centres(first: $first, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id name version status workstations region { name } municipality { name }
      hostOrganisation { name } services { helpKinds service { name } } } } } }`,
  centre: `query Centre($id: ID!) { node(id: $id) { ... on Centre { id name version equipmentNote workstations
    openingHours { weekday opens closes } activeCurators { __typename } region { code } } } }`,
  services: `query Services($first: Int) { services(first: $first) { totalCount edges { node { id name level } } } }`,
  reports: `query Reports($first: Int, $filter: ReportFilter) { reports(first: $first, filter: $filter) {
    totalCount edges { node { id status periodStart version values { total rural indicator { code } } } } } }`,
  report: `query Report($id: ID!) { node(id: $id) { ... on Report { id status version
    values { total rural indicator { code } } } } }`,
  feedback: `query Feedback($first: Int) { feedback(first: $first) { totalCount
    edges { node { id status text receivedAt category { name } } } } }`,
  me: `query Me { me { email role } }`,
  updateCentre: `mutation UpdateCentre($input: UpdateCentreInput!) { result: updateCentre(input: $input) { ${RESULT}
    ... on MutationUpdateCentreSuccess { data { id version equipmentNote workstations } } } }`,
  submitFeedback: `mutation SubmitFeedback($input: SubmitFeedbackInput!) { result: submitFeedback(input: $input) { ${RESULT}
    ... on MutationSubmitFeedbackSuccess { data { id text ratingStaff status } } } }`,
  createPerson: `mutation CreatePerson($input: CreatePersonInput!) { result: createPerson(input: $input) { ${RESULT}
    ... on MutationCreatePersonSuccess { data { id lastName firstName position } } } }`,
  setReportValues: `mutation SetValues($input: SetReportValuesInput!) { result: setReportValues(input: $input) { ${RESULT}
    ... on MutationSetReportValuesSuccess { data { id version values { total rural indicator { code } } } } } }`,
  createReport: `mutation CreateReport($input: CreateReportInput!) { result: createReport(input: $input) { ${RESULT}
    ... on MutationCreateReportSuccess { data { id version } } } }`,
} as const;

/** Fails fast, with the reason, when a document no longer matches the printed schema. */
export function checkDocuments(schemaSdl: string): void {
  const schema: GraphQLSchema = buildSchema(schemaSdl);
  for (const [name, document] of Object.entries(DOCUMENTS)) {
    const errors = validate(schema, parse(document));
    if (errors.length > 0) throw new Error(`Workload document ${name} is invalid: ${errors[0]?.message}`);
  }
}

/**
 * How an answer came back: "ok" (a query with data and no errors), "success" or the error
 * type of a mutation's result union, "error <CODE>" for GraphQL errors, "http <status>",
 * "timeout" or "network" when no answer came.
 */
export function classify(answer: Answer, resultField?: string): string {
  if (answer.status === 0) return answer.failure === "timeout" ? "timeout" : "network";
  if (answer.status >= 500) return `http ${answer.status}`;
  const first = answer.errors?.[0];
  if (first) return `error ${first.extensions?.code ?? "NO_CODE"}`;
  if (answer.status !== 200) return `http ${answer.status}`;
  if (!answer.data) return "no data";
  if (!resultField) return "ok";
  const result = (answer.data as Record<string, { __typename?: string } | undefined>)[resultField];
  const type = result?.__typename ?? "missing";
  return type.endsWith("Success") ? "success" : type;
}

/** Answers after which a write may or may not have been applied. */
export function isUncertain(kind: string): boolean {
  return kind === "timeout" || kind === "network" || kind.startsWith("http 5") || kind.startsWith("error ");
}
