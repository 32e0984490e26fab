// Request → verified identity → typed context. Scope (role, regions, centre) comes only
// from here, never from GraphQL arguments.
import type { YogaInitialContext } from "graphql-yoga";
import { type Access, accessFor, type Identity } from "./lib/access.js";
import { AuthenticationError } from "./lib/errors.js";
import { admitPartnerRequest } from "./lib/partner-auth.js";
import { identityOfToken } from "./lib/sessions.js";
import { type Language, languageOf } from "./messages/index.js";

export type { Identity } from "./lib/access.js";

/** What the entry point (api/server.ts, api/handler.ts) knows about the connection. */
export interface ServerContext {
  /** The caller's network address, as the entry point could verify it (sign-in throttling). */
  clientAddress?: string;
}

export interface Context {
  identity: Identity | null;
  /** What the identity may read and change; computed once per request. */
  access: Access;
  /** The caller's address, where the entry point knows it. */
  clientAddress: string | null;
  userAgent: string | null;
  /** The language of the messages the caller reads (Accept-Language; English unless it asks for Russian). */
  language: Language;
  /** Set by a successful `login`, so its payload may show the user who just signed in. */
  signedInUserId?: string;
}

async function userIdentity(token: string): Promise<Identity> {
  const identity = await identityOfToken(token);
  // Bad signature, expired, signed out, ended by a change to the account, or deactivated:
  // one answer, and the client signs in again.
  if (!identity) throw new AuthenticationError("TOKEN_INVALID");
  return identity;
}

async function identify(request: Request): Promise<Identity | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw new AuthenticationError("AUTHORIZATION_HEADER_INVALID");
    return userIdentity(match[1]);
  }
  const apiKey = request.headers.get("x-api-key");
  if (apiKey) return admitPartnerRequest(request, apiKey);
  return null;
}

export async function createContext({ request, clientAddress }: YogaInitialContext & ServerContext): Promise<Context> {
  const identity = await identify(request);
  return {
    identity,
    access: accessFor(identity),
    clientAddress: clientAddress ?? null,
    userAgent: request.headers.get("user-agent"),
    language: languageOf(request.headers.get("accept-language")),
  };
}
