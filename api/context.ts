// Request → verified identity → typed context. Scope (role, regions, centre) comes only
// from here, never from GraphQL arguments.
import type { YogaInitialContext } from "graphql-yoga";
import type { UserRole } from "./generated/prisma/client.js";
import { type Access, accessFor } from "./lib/access.js";
import type { ApiScope } from "./lib/api-scopes.js";
import { verifyAccessToken } from "./lib/auth.js";
import { prisma } from "./lib/db.js";
import { AuthenticationError } from "./lib/errors.js";
import { authenticatePartnerKey } from "./lib/partner-auth.js";

export type Identity =
  | {
      kind: "user";
      userId: string;
      role: UserRole;
      /** Regions a curator or auditor works in (empty for admins and operators). */
      regionIds: string[];
      allRegions: boolean;
      centreId: string | null;
      /** Region of an operator's centre. */
      centreRegionId: string | null;
    }
  | { kind: "partner"; apiClientId: string; scopes: ApiScope[] };

export interface Context {
  identity: Identity | null;
  /** What the identity may read and change; computed once per request. */
  access: Access;
  /** Set by a successful `login`, so its payload may show the user who just signed in. */
  signedInUserId?: string;
}

async function userIdentity(token: string): Promise<Identity> {
  const userId = await verifyAccessToken(token);
  const user = userId
    ? await prisma.user.findUnique({
        where: { id: userId },
        include: { regions: { select: { regionId: true } }, centre: { select: { regionId: true } } },
      })
    : null;
  if (!user?.active) throw new AuthenticationError("The access token is not valid; sign in again.");
  return {
    kind: "user",
    userId: user.id,
    role: user.role,
    regionIds: user.regions.map((r) => r.regionId),
    allRegions: user.allRegions,
    centreId: user.centreId,
    centreRegionId: user.centre?.regionId ?? null,
  };
}

async function partnerIdentity(key: string): Promise<Identity> {
  return authenticatePartnerKey(key);
}

async function identify(request: Request): Promise<Identity | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw new AuthenticationError("The Authorization header must be `Bearer <token>`.");
    return userIdentity(match[1]);
  }
  const apiKey = request.headers.get("x-api-key");
  if (apiKey) return partnerIdentity(apiKey);
  return null;
}

export async function createContext({ request }: YogaInitialContext): Promise<Context> {
  const identity = await identify(request);
  return { identity, access: accessFor(identity) };
}
