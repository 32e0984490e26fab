import { useQuery } from "@tanstack/react-query";
import { useGetIdentity } from "react-admin";
import { request } from "../providers/graphql";
import type { Named } from "./records";
import { useRole } from "./resource";

interface MeScope {
  me: { allRegions: boolean; regions: Named[] } | null;
}

const ME_SCOPE = "query MeScope { me { allRegions regions { id name } } }";

export interface WriteScope {
  /** False until the role and regions are known, so no write control flashes up first. */
  ready: boolean;
  /**
   * Whether the signed-in user may change a row of this region (null: federal or national
   * rows, administrators only). Mirrors the API: administrators everywhere, curators in
   * their regions, operators and auditors nowhere.
   */
  canWriteRegion: (regionId: string | null | undefined) => boolean;
  /** The curator's regions; undefined for every region (administrators) or none. */
  regionIds: readonly string[] | undefined;
  /** The same with their names, for choosing one of them. */
  regions: readonly Named[] | undefined;
}

/** Where the signed-in user may write: the API refuses the rest, so the UI does not offer it. */
export function useWriteScope(): WriteScope {
  const role = useRole();
  const { identity } = useGetIdentity();
  const { data } = useQuery({
    queryKey: ["dostup-me-scope", identity?.id],
    queryFn: ({ signal }) => request<MeScope>(ME_SCOPE, {}, signal),
    enabled: role === "CURATOR" && identity !== undefined,
    staleTime: 5 * 60_000,
  });
  const regionIds = data?.me?.regions.map((region) => region.id);
  return {
    ready: role !== undefined && (role !== "CURATOR" || regionIds !== undefined),
    regionIds,
    regions: data?.me?.regions,
    canWriteRegion: (regionId) => {
      if (role === "ADMIN") {
        return true;
      }
      if (role !== "CURATOR" || !regionId || !regionIds) {
        return false;
      }
      return regionIds.includes(regionId);
    },
  };
}
