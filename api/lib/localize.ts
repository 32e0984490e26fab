// GraphQL errors in the caller's language. Errors are built in English (logs, API clients that
// ask for nothing else) with their message code in `extensions.messageCode` and its parameters
// in `extensions.messageParams` (api/lib/errors.ts); a request whose Accept-Language prefers
// Russian gets each such message, and each field issue's, rewritten from the catalogue. English
// answers are left exactly as they were built.
//
// It works on the final result, with the request at hand: so errors raised before any resolver
// (building the context: a bad token or API key; limits checked in validation; a body too large)
// are translated like the others.
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { formatMessage, isMessageCode, type Language, languageOf, type MessageParams } from "../messages/index.js";

/** A code and parameters, as errors carry them in `extensions` and field issues carry them. */
interface CodedText {
  code: Parameters<typeof formatMessage>[0];
  params: MessageParams | undefined;
}

/**
 * Errors raised by libraries in their own English, without a message code: recognised by their
 * `extensions.code` or their words (GraphQL Armor's limits, the masked "Unexpected error.").
 */
const KNOWN: {
  test: (message: string, code: unknown) => RegExpExecArray | boolean;
  coded: (m: string[]) => CodedText;
}[] = [
  {
    test: (message) => /(Aliases|Directives|Query Cost) limit of (\d+) exceeded, found (\d+)\.$/.exec(message) ?? false,
    coded: ([, kind, max, found]) => ({
      code: kind === "Aliases" ? "LIMIT_ALIASES" : kind === "Directives" ? "LIMIT_DIRECTIVES" : "LIMIT_COST",
      params: { max, found },
    }),
  },
  {
    test: (message) => /Token limit of (\d+) exceeded\.$/.exec(message) ?? false,
    coded: ([, max]) => ({ code: "LIMIT_TOKENS", params: { max } }),
  },
  {
    test: (_message, code) => code === "INTERNAL_SERVER_ERROR",
    coded: () => ({ code: "UNEXPECTED_ERROR", params: undefined }),
  },
];

function params(value: unknown): MessageParams | undefined {
  return value && typeof value === "object" ? (value as MessageParams) : undefined;
}

/** The coded message an error says, if we know it. */
function codedOf(error: GraphQLError, tooLarge: CodedText): CodedText | null {
  const extensions = error.extensions ?? {};
  if (isMessageCode(extensions.messageCode))
    return { code: extensions.messageCode, params: params(extensions.messageParams) };
  if (extensions.code === "REQUEST_ENTITY_TOO_LARGE") return tooLarge;
  for (const known of KNOWN) {
    const match = known.test(error.message, extensions.code);
    if (match) return known.coded(match === true ? [] : [...match]);
  }
  return null;
}

/**
 * `message` with the English text of `coded` put in `language`. graphql-js puts its own words
 * before a scalar's error ('Variable "$input" got invalid value …; '): they stay, the part
 * that is ours is translated.
 */
function translated(message: string, coded: CodedText, language: Language): string {
  const english = formatMessage(coded.code, coded.params, "en");
  const text = formatMessage(coded.code, coded.params, language);
  if (message === english) return text;
  const at = message.lastIndexOf(english);
  return at > 0 && at + english.length === message.length ? message.slice(0, at) + text : text;
}

/** Field issues (`extensions.issues` of a ValidationError raised outside a result union). */
function translatedIssues(issues: unknown, language: Language): unknown {
  if (!Array.isArray(issues)) return issues;
  return issues.map((issue: { code?: unknown; params?: unknown; message?: unknown }) =>
    issue && isMessageCode(issue.code)
      ? { ...issue, message: formatMessage(issue.code, params(issue.params), language) }
      : issue,
  );
}

/** A ValidationError's message: each issue as "field: message", as errors.ts words it. */
function issuesMessage(issues: unknown): string | null {
  if (!Array.isArray(issues) || issues.length === 0) return null;
  const parts = issues.map((issue: { field?: unknown; message?: unknown }) =>
    typeof issue?.field === "string" && typeof issue.message === "string" ? `${issue.field}: ${issue.message}` : null,
  );
  return parts.every((part) => part !== null) ? parts.join("; ") : null;
}

function localized(error: GraphQLError, language: Language, tooLarge: CodedText): GraphQLError {
  const coded = codedOf(error, tooLarge);
  const issues = error.extensions?.issues;
  if (!coded && !Array.isArray(issues)) return error;
  const localIssues = translatedIssues(issues, language);
  const message = coded
    ? translated(error.message, coded, language)
    : // The message lists the issues: listed again, translated, when it said just that.
      error.message === issuesMessage(issues)
      ? (issuesMessage(localIssues) ?? error.message)
      : error.message;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, ...(Array.isArray(issues) ? { issues: localIssues } : {}) },
  });
}

/**
 * The plugin: register it after every plugin that rewrites errors, so that it sees them last.
 * `bodyMebibytes` is the request body limit, named by the error about a body over it.
 */
export function localizedErrors(bodyMebibytes: number): Plugin {
  const tooLarge: CodedText = { code: "REQUEST_TOO_LARGE", params: { mib: bodyMebibytes } };
  return {
    onResultProcess({ request, result, setResult }) {
      const language = languageOf(request.headers.get("accept-language"));
      if (language === "en" || Array.isArray(result) || !("errors" in result) || !result.errors?.length) return;
      setResult({ ...result, errors: result.errors.map((error) => localized(error, language, tooLarge)) });
    },
  };
}

/** A response sent before GraphQL runs (a refused media type), in the request's language. */
export function localizedMessage(request: Request, code: CodedText["code"], messageParams?: MessageParams): string {
  return formatMessage(code, messageParams, languageOf(request.headers.get("accept-language")));
}
