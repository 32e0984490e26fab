// The one Yoga instance: plugins, limits, masking. It never listens; api/handler.ts (Lambda)
// and api/server.ts (local) hand it requests, and tests call yoga.fetch directly.
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useDisableIntrospection } from "@graphql-yoga/plugin-disable-introspection";
import { GraphQLError, type ValidationContext } from "graphql";
import { type CORSOptions, createYoga, type Plugin, type YogaInitialContext } from "graphql-yoga";
import { MAX_PAGE_SIZE } from "./builder.js";
import { config } from "./config.js";
import { type Context, createContext, type ServerContext } from "./context.js";
import { smallDocumentCache } from "./lib/document-cache.js";
import {
  ConflictError,
  DatabaseUnavailableError,
  DomainError,
  ForbiddenError,
  isDatabaseUnavailable,
  NotFoundError,
  ValidationError,
} from "./lib/errors.js";
import { checkHealth } from "./lib/health.js";
import { LIMITS, TOO_LARGE_MESSAGE } from "./lib/limits.js";
import { localizedErrors, localizedMessage } from "./lib/localize.js";
import { logger } from "./lib/logger.js";
import { clampPageSizes } from "./lib/page-sizes.js";
import { fieldCostRule } from "./lib/query-cost.js";
import { maxDepthRule } from "./lib/query-depth.js";
import { partnerResponseCache } from "./lib/response-cache.js";
import { findUnstorableString, storableStringsRule, unstorableVariablesError } from "./lib/storable-strings.js";
import { stringLengthErrors } from "./lib/string-lengths.js";
import { formatMessage } from "./messages/index.js";
import { schema } from "./schema.js";

/** `/health` answers 200 with which stores are reachable, 503 when one is not. */
const healthPlugin: Plugin = {
  async onRequest({ url, endResponse }) {
    if (url.pathname !== "/health") return;
    const health = await checkHealth();
    const ok = health.db === "ok" && health.s3 === "ok";
    endResponse(Response.json(health, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } }));
  },
};

/**
 * JSON POSTs only. An HTML form or a fetch without preflight can send form-encoded, multipart
 * or text/plain bodies from any site, with the user's cookies or the browser's stored
 * credentials, and Yoga would run them (mutations included). No client of ours sends those;
 * GET stays for queries (Yoga refuses mutations over GET with 405).
 */
const jsonBodiesOnly: Plugin = {
  onRequest({ request, url, endResponse }) {
    if (request.method !== "POST" || url.pathname !== "/graphql") return;
    const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (type === "application/json" || type === "application/graphql-response+json") return;
    endResponse(
      Response.json(
        {
          errors: [
            {
              message: localizedMessage(request, "JSON_REQUESTS_ONLY"),
              extensions: { code: "UNSUPPORTED_MEDIA_TYPE", messageCode: "JSON_REQUESTS_ONLY" },
            },
          ],
        },
        { status: 415 },
      ),
    );
  },
};

/** Domain errors keep their message and get a code; everything else unknown is masked. */
function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof GraphQLError) return error instanceof GraphQLError ? error : original;
  const known =
    original instanceof NotFoundError
      ? "NOT_FOUND"
      : original instanceof ValidationError
        ? "BAD_USER_INPUT"
        : original instanceof ForbiddenError
          ? "FORBIDDEN"
          : original instanceof ConflictError
            ? "CONFLICT"
            : null;
  if (known && original instanceof Error) {
    // A ValidationError's message lists its issues, each with its own code (lib/localize.ts).
    const coded =
      original instanceof ValidationError
        ? { issues: original.issues }
        : original instanceof DomainError
          ? { messageCode: original.code, ...(original.params ? { messageParams: original.params } : {}) }
          : {};
    return new GraphQLError(original.message, {
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: { code: known, ...coded },
    });
  }
  if (error instanceof GraphQLError && !error.originalError) return error;
  if (isDatabaseUnavailable(original))
    return new DatabaseUnavailableError(error instanceof GraphQLError ? error.path : undefined);
  return new GraphQLError(message, {
    path: error instanceof GraphQLError ? error.path : undefined,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  });
}

/**
 * graphql-js and the libraries raise some errors about a request without a code: variables
 * that do not coerce ("Int cannot represent 1e10"), an invalid cursor, a negative `first`.
 * Clients switch on the code, so every error leaves with one: all of these are the caller's
 * input (anything unexpected was already masked as INTERNAL_SERVER_ERROR).
 */
const codedErrors: Plugin = {
  onResultProcess({ result, setResult }) {
    if (Array.isArray(result) || !("errors" in result) || !result.errors?.some((e) => !e.extensions?.code)) return;
    setResult({
      ...result,
      errors: result.errors.map((error) =>
        error.extensions?.code
          ? error
          : new GraphQLError(error.message, {
              nodes: error.nodes,
              source: error.source,
              positions: error.positions,
              path: error.path,
              originalError: error.originalError,
              extensions: { ...error.extensions, code: "BAD_USER_INPUT" },
            }),
      ),
    });
  },
};

/** Yoga's refusal of a body over the limit, in words a client can act on. */
const bodyLimitMessage: Plugin = {
  onResultProcess({ result, setResult }) {
    if (Array.isArray(result) || !("errors" in result)) return;
    const tooLarge = (error: GraphQLError) => error.extensions?.code === "REQUEST_ENTITY_TOO_LARGE";
    if (!result.errors?.some(tooLarge)) return;
    setResult({
      ...result,
      errors: result.errors.map((error) =>
        tooLarge(error) ? new GraphQLError(TOO_LARGE_MESSAGE, { extensions: error.extensions }) : error,
      ),
    });
  },
};

/** An Armor limit's rejection, reported as a validation error with these extensions. */
const rejectWith = (extensions: Record<string, unknown>) => ({
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ""), { extensions })),
  ],
});

/** Armor's limits report a validation error with a code, instead of throwing one without. */
const armorRejection = rejectWith({ code: "GRAPHQL_VALIDATION_FAILED" });

/** Armor's cost limit answers with the same code as the weights added to it (lib/query-cost.ts). */
const costRejection = rejectWith({ code: "QUERY_TOO_COSTLY", maxCost: LIMITS.cost });

const fieldCosts = fieldCostRule(LIMITS.cost);

/**
 * Every string argument within its maximum (lib/string-lengths.ts), literals and variables alike,
 * before validation, the identity lookup or any resolver runs. Checked here and not in a
 * validation rule: Yoga caches validation by document, and the variables change per request.
 * Throwing (rather than setting a result) keeps the refusal out of that cache too.
 */
const stringLengths: Plugin<YogaInitialContext> = {
  onValidate({ params: { schema, documentAST }, context }) {
    const errors = stringLengthErrors(schema, documentAST, context.params?.variables);
    if (errors.length > 0) throw new AggregateError(errors, formatMessage("ARGUMENTS_TOO_LONG", undefined, "en"));
  },
};

/**
 * Browsers may call the API from the origins in CORS_ORIGINS only (none unless configured: the
 * admin panel is served from the API's own origin), and never with credentials: tokens and
 * API keys travel in headers. A preflight from another origin gets no CORS headers at all.
 */
function corsFor(request: Request): CORSOptions | false {
  const origin = request.headers.get("origin");
  if (!origin || !config.cors.origins.includes(origin)) return false;
  return {
    origin,
    credentials: false,
    methods: ["GET", "POST"],
    allowedHeaders: ["content-type", "accept", "authorization", "x-api-key"],
    exposedHeaders: ["retry-after"],
    maxAge: 600,
  };
}

/** The answer depends on the Origin header: caches must not hand one origin's to another. */
const varyByOrigin: Plugin = {
  onResponse({ request, response }) {
    if (request.headers.has("origin")) response.headers.append("vary", "Origin");
  },
};

export const yoga = createYoga<ServerContext & Record<string, unknown>, Context>({
  schema,
  context: createContext,
  graphqlEndpoint: "/graphql",
  healthCheckEndpoint: "/health/live",
  landingPage: false,
  graphiql: config.graphql.graphiql ? { title: "Доступ — GraphQL" } : false,
  // Masking hides unexpected errors (stack traces, SQL) behind "Unexpected error."; domain
  // errors raised outside a mutation's result union are shown with their own code.
  maskedErrors: { maskError: maskError },
  batching: false,
  // Counted while the body is read (Content-Length first): larger bodies get 413 before parsing.
  maxRequestBodySize: LIMITS.bodyBytes,
  parserAndValidationCache: { documentCache: smallDocumentCache(), errorCache: smallDocumentCache() },
  cors: corsFor,
  logging: logger,
  plugins: [
    healthPlugin,
    jsonBodiesOnly,
    varyByOrigin,
    // Limits, each at or below GraphQL Armor's defaults (README, "Limits"). Depth is our own
    // rule: 6 entity levels, with Relay's edges/node wrappers not counted.
    {
      onParse:
        () =>
        ({ result, replaceParseResult }) => {
          if (result && typeof result === "object" && "kind" in result)
            replaceParseResult(clampPageSizes(result, MAX_PAGE_SIZE));
        },
      onParams({ params }) {
        const path = findUnstorableString(params.variables);
        if (path) throw unstorableVariablesError(path);
      },
      onValidate: ({ addValidationRule }) => {
        addValidationRule(maxDepthRule(LIMITS.depth));
        addValidationRule(storableStringsRule);
        addValidationRule(fieldCosts.rule);
      },
    } satisfies Plugin,
    stringLengths,
    EnvelopArmorPlugin({
      maxDepth: { enabled: false },
      maxAliases: { n: LIMITS.aliases, ...armorRejection },
      maxDirectives: { n: LIMITS.directives, ...armorRejection },
      maxTokens: { n: LIMITS.tokens },
      // Armor's cost model multiplies by 1.5 per syntax level; Relay's edges/node double the
      // levels of a list, so 1.2 per syntax level (≈1.44 per entity level) keeps the default's intent.
      // The weights of expensive fields are added to this figure by fieldCosts.rule.
      costLimit: {
        maxCost: LIMITS.cost,
        depthCostFactor: 1.2,
        ...costRejection,
        onAccept: [fieldCosts.recordArmorCost],
      },
      blockFieldSuggestion: { enabled: config.production },
    }),
    ...(config.graphql.introspection ? [] : [useDisableIntrospection()]),
    // Partner reads answered from the cache, before the context is built (lib/response-cache.ts).
    ...partnerResponseCache(),
    codedErrors,
    bodyLimitMessage,
    // Last: every error as the plugins above left it, in the caller's language.
    localizedErrors(LIMITS.bodyBytes / (1024 * 1024)),
  ],
});
