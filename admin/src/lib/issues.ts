import { HttpError } from "react-admin";
import { fieldSource, issueText } from "../providers/graphql";

/**
 * The messages of a ValidationError's issues by the input field they are about, as
 * mutate() throws them (HttpError with body.issues): `input.documents.1.count` →
 * `documents.1.count`, each in the panel's language (by its code). Empty for any other error,
 * which the notification alone tells.
 */
export function fieldIssues(error: unknown): Record<string, string> {
  const issues: Record<string, string> = {};
  if (!(error instanceof HttpError) || typeof error.body !== "object" || error.body === null) {
    return issues;
  }
  const list = (error.body as { issues?: Parameters<typeof issueText>[0][] }).issues ?? [];
  for (const issue of list) {
    const source = fieldSource(issue.field);
    issues[source] ??= issueText(issue);
  }
  return issues;
}
