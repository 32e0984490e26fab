// Partner reads served from a response cache. What a partner key reads is published data, the
// same for every key with the same scopes, so answers are cached per scope set (never per key,
// never for people signed in) for config.responseCacheSeconds. A hit is answered before the
// context is built: the key is known from this process's lease (partner-auth.ts), so it costs
// no SQL, yet every hit is counted against the key's rate limit.
//
// Any mutation this process runs makes every cached answer stale at once (a new generation in
// the cache key): a change shows up after its mutation, whatever types it touched (figures,
// exports and statistics included). A mutation on another container shows up here within the
// cache's time.

import { createHash } from "node:crypto";
import { createInMemoryCache, useResponseCache } from "@graphql-yoga/plugin-response-cache";
import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import { config } from "../config.js";
import { languageOf } from "../messages/index.js";
import { admitPartnerRequest } from "./partner-auth.js";

/** Whose answers may be cached: a partner key, and no one signed in beside it. */
function partnerKeyOf(request: Request): string | null {
  return request.headers.has("authorization") ? null : request.headers.get("x-api-key");
}

export function partnerResponseCache(): Plugin[] {
  if (config.responseCacheSeconds <= 0) return [];
  let generation = 0;
  const bumpOnMutation: Plugin = {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== "mutation") return;
      return {
        onExecuteDone() {
          generation += 1;
        },
      };
    },
  };
  const cache = useResponseCache({
    cache: createInMemoryCache({ max: 1_000 }),
    ttl: config.responseCacheSeconds * 1000,
    enabled: (request) => partnerKeyOf(request) !== null,
    // Admits the key (and counts the request) before the cache is looked up: a hit is counted,
    // and a revoked or spent key is refused even when an answer is cached.
    session: async (request) => {
      const key = partnerKeyOf(request);
      if (!key) return null;
      const identity = await admitPartnerRequest(request, key);
      // Per language too: messages in an answer (typed errors' `message`) follow Accept-Language.
      const language = languageOf(request.headers.get("accept-language"));
      return `${generation}:${language}:${[...identity.scopes].sort().join(" ")}`;
    },
    // Requests that are not cached skip the hashing of their document and variables, and the
    // others are hashed in place (node:crypto) rather than through WebCrypto's promise.
    buildResponseCacheKey: ({ sessionId, documentString, variableValues, operationName }) =>
      sessionId == null
        ? ""
        : createHash("sha256")
            .update(`${sessionId}|${operationName ?? ""}|${documentString}|${JSON.stringify(variableValues ?? {})}`)
            .digest("hex"),
    // The generation does the invalidating (above), for every type and every scalar answer.
    invalidateViaMutation: false,
  });
  return [bumpOnMutation, withSchemaWorkDeferred(cache)];
}

/**
 * The cache reads the whole schema when it is set (a `mapSchema` over every type and field, a
 * tenth of a Lambda cold start) though only partner requests ever use what it finds. That
 * reading is put off until the first partner request reaches execution, so a container that
 * serves the admin panel never does it.
 */
function withSchemaWorkDeferred(plugin: Plugin): Plugin {
  const { onPluginInit } = plugin;
  if (!onPluginInit) return plugin;
  return {
    ...plugin,
    onPluginInit(init) {
      return onPluginInit({
        ...init,
        addPlugin: (inner) => {
          const { onSchemaChange, onExecute } = inner;
          if (!onSchemaChange || !onExecute) return init.addPlugin(inner);
          let pending: Parameters<typeof onSchemaChange>[0] | null = null;
          return init.addPlugin({
            ...inner,
            onSchemaChange(payload) {
              pending = payload;
            },
            onExecute(payload) {
              const request = (payload.args.contextValue as { request?: Request }).request;
              if (pending && request && partnerKeyOf(request)) {
                const schemaChange = pending;
                pending = null;
                onSchemaChange(schemaChange);
              }
              return onExecute(payload);
            },
          });
        },
      });
    },
  };
}
