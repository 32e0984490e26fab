// Who may read and change which rows. Derived once per request from the verified identity
// (context.ts); never from arguments. Every list, node lookup, nested relation and mutation
// asks this module, so a rule changes in one place.
import type { UserRole } from "../generated/prisma/client.js";
import type { ApiScope } from "./api-scopes.js";
import { ForbiddenError } from "./errors.js";

/** Who is asking, as verified from the request's token or key (api/context.ts). */
export type Identity =
  | {
      kind: "user";
      userId: string;
      /** The session the token belongs to (signing out ends it); none for in-process identities. */
      sessionId?: string;
      role: UserRole;
      /** Regions a curator or auditor works in (empty for admins and operators). */
      regionIds: string[];
      allRegions: boolean;
      centreId: string | null;
      /** Region of an operator's centre. */
      centreRegionId: string | null;
    }
  | { kind: "partner"; apiClientId: string; scopes: ApiScope[] };

export type Regions = "all" | readonly string[];

export interface Access {
  identity: Identity | null;
  /** Regions whose rows the caller may read. */
  read: Regions;
  /** Regions whose rows the caller may change. */
  write: Regions;
  /** An operator's centre: the only centre whose reports and files they may touch. */
  centreId: string | null;
  /** Partners see published, non-personal data only. */
  partner: boolean;
}

const NONE: readonly string[] = [];

export function accessFor(identity: Identity | null): Access {
  const base = { identity, centreId: null, partner: false };
  if (!identity) return { ...base, read: NONE, write: NONE };
  if (identity.kind === "partner") return { ...base, partner: true, read: "all", write: NONE };
  switch (identity.role) {
    case "ADMIN":
      return { ...base, read: "all", write: "all" };
    case "CURATOR":
      return { ...base, read: identity.regionIds, write: identity.regionIds };
    case "AUDITOR":
      return { ...base, read: identity.allRegions ? "all" : identity.regionIds, write: NONE };
    case "OPERATOR":
      return {
        ...base,
        centreId: identity.centreId,
        read: identity.centreRegionId ? [identity.centreRegionId] : NONE,
        write: NONE,
      };
  }
}

export function includes(regions: Regions, regionId: string | null | undefined): boolean {
  if (regions === "all") return true;
  return regionId != null && regions.includes(regionId);
}

/** A Prisma filter on a region column: `{}` for all regions, else `{ in: [...] }` on the field. */
export function inRegions(regions: Regions): { in: string[] } | undefined {
  return regions === "all" ? undefined : { in: [...regions] };
}

/**
 * For rows whose region may be null (federal services, life situations, KPIs): readable by
 * anyone with any access when null, else by region.
 */
export function regionOrFederal(regions: Regions): object {
  if (regions === "all") return {};
  return { OR: [{ regionId: null }, { regionId: { in: [...regions] } }] };
}

export function isAdmin(access: Access): boolean {
  return access.identity?.kind === "user" && access.identity.role === "ADMIN";
}

export function isStaff(access: Access): boolean {
  return access.identity?.kind === "user";
}

/**
 * Internal records of a region (people's contacts, feedback, curator assignments, history)
 * are for administrators, curators and auditors: not partners, and not operators, whose
 * scope is their own centre's reports and files.
 */
export function seesInternal(access: Access): boolean {
  return access.identity?.kind === "user" && access.identity.role !== "OPERATOR";
}

/** Refuses a change to a record of a region the caller may not change (`entity` names it). */
export function assertWritable(access: Access, regionId: string, entity = "record"): void {
  if (!includes(access.write, regionId)) throw new ForbiddenError("OUTSIDE_YOUR_REGIONS", { entity });
}
