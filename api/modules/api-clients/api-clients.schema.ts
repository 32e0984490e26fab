// Partner apps' API keys: administrators create and revoke them; the key's scopes say which
// fields it opens (api/lib/api-scopes.ts), and api/lib/partner-auth.ts checks it per request.
import { builder } from "../../builder.js";
import { zodInput } from "../../inputs.js";
import { isAdmin } from "../../lib/access.js";
import { API_SCOPES, isApiScope } from "../../lib/api-scopes.js";
import { prisma } from "../../lib/db.js";
import { safeUuid } from "../../lib/ids.js";
import { selection } from "../../lib/selection.js";
import { listConnection, rowMutation, VersionedInput } from "../../shared.js";
import { createApiClientSchema } from "./api-clients.inputs.js";
import { createApiClient, revokeApiClient } from "./api-clients.service.js";

export const ApiScopeEnum = builder.enumType("ApiScope", {
  description: "What a partner key may read. Fields a key's scopes do not cover answer FORBIDDEN naming the scope.",
  values: API_SCOPES,
});

export const ApiClient = builder.prismaNode("ApiClient", {
  id: { field: "id" },
  // Out of scope or unknown: node(id) answers null, like an id that never existed.
  nullable: true,
  findUnique: (id, ctx) => ({ id: isAdmin(ctx.access) ? safeUuid(id) : safeUuid("") }),
  authScopes: (_client, ctx) => isAdmin(ctx.access),
  fields: (t) => ({
    name: t.exposeString("name"),
    keyPrefix: t.exposeString("keyPrefix", { description: "The key's first characters, to tell keys apart." }),
    scopes: t.field({
      type: [ApiScopeEnum],
      select: { scopes: true },
      // A value no longer defined opens nothing, so it is not shown either.
      resolve: (client) => client.scopes.filter(isApiScope),
    }),
    rateLimitPerMinute: t.exposeInt("rateLimitPerMinute", {
      description: "Requests admitted per minute; more within the minute are answered HTTP 429 with Retry-After.",
    }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
    lastUsedAt: t.expose("lastUsedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the key was last used, to the minute (written once per minute of use at most).",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    version: t.exposeInt("version"),
  }),
});

const CreateApiClientInput = zodInput("CreateApiClientInput", createApiClientSchema, {
  types: { scopes: [ApiScopeEnum], expiresAt: "DateTime" },
});

const CreateApiClientPayload = builder
  .objectRef<{ clientId: string; key: string }>("CreateApiClientPayload")
  .implement({
    fields: (t) => ({
      key: t.exposeString("key", { description: "The whole key. Shown this once only: store it now." }),
      apiClient: t.prismaField({
        type: "ApiClient",
        resolve: (query, payload) =>
          prisma.apiClient.findUniqueOrThrow({ ...selection(query), where: { id: payload.clientId } }),
      }),
    }),
  });

builder.queryField("apiClients", (t) =>
  listConnection(t, {
    type: "ApiClient",
    authScopes: { admin: true },
    order: () => [{ createdAt: "desc" }, { id: "desc" }],
  }),
);

builder.mutationFields((t) => ({
  createApiClient: t.field({
    type: CreateApiClientPayload,
    errors: {},
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateApiClientInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { client, key } = await createApiClient(ctx.access, input);
      return { clientId: client.id, key };
    },
  }),
  revokeApiClient: rowMutation(t, {
    type: "ApiClient",
    authScopes: { admin: true },
    input: VersionedInput,
    run: revokeApiClient,
  }),
}));
