// The one Yoga instance: plugins, limits, masking. It never listens; api/handler.ts (Lambda)
// and api/server.ts (local) hand it requests, and tests call yoga.fetch directly.
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useDisableIntrospection } from "@graphql-yoga/plugin-disable-introspection";
import { createYoga, type Plugin } from "graphql-yoga";
import { config } from "./config.js";
import { type Context, createContext } from "./context.js";
import { checkHealth } from "./lib/health.js";
import { logger } from "./lib/logger.js";
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

export const yoga = createYoga<Record<string, unknown>, Context>({
  schema,
  context: createContext,
  graphqlEndpoint: "/graphql",
  healthCheckEndpoint: "/health/live",
  landingPage: false,
  graphiql: config.graphql.graphiql ? { title: "Доступ — GraphQL" } : false,
  // Masking hides unexpected errors (stack traces, SQL) behind "Unexpected error.".
  maskedErrors: true,
  batching: false,
  logging: logger,
  plugins: [
    healthPlugin,
    EnvelopArmorPlugin({
      maxDepth: { n: 10, ignoreIntrospection: true },
      maxAliases: { n: 15 },
      maxDirectives: { n: 20 },
      maxTokens: { n: 2000 },
      costLimit: { maxCost: 5000 },
      blockFieldSuggestion: { enabled: config.production },
    }),
    ...(config.graphql.introspection ? [] : [useDisableIntrospection()]),
  ],
});
