import type { ComponentType, ReactElement } from "react";
import { usePermissions } from "react-admin";
import type { Role } from "../providers/authProvider";
import type { ResourceDefinition } from "../providers/definition";

/** Messages merged into the locale's catalogue: `resources.<name>`, `enums.<Type>`, `dostup.<name>`… */
export type Messages = Record<string, unknown>;

/**
 * One screen of the panel: how its records map onto the API (definition), its pages,
 * who sees and who changes it, and its messages in both languages.
 */
export interface AdminResource {
  /** The API's root connection field, e.g. "centres". */
  name: string;
  definition: ResourceDefinition;
  list?: ComponentType;
  show?: ComponentType;
  edit?: ComponentType;
  create?: ComponentType;
  icon?: ComponentType;
  recordRepresentation?: string | ReactElement | ((record: Record<string, unknown>) => string);
  /**
   * Roles that see the resource (menu and routes) and roles that may change it; the API
   * enforces the same and narrows further (a curator's regions, an operator's centre).
   * A role outside `read` still gets the resource registered without pages, so references
   * to its records (e.g. a report's centre) resolve.
   */
  access: { read: readonly Role[]; write: readonly Role[] };
  messages: { ru: Messages; en: Messages };
}

export const STAFF: readonly Role[] = ["ADMIN", "CURATOR"];
export const EVERYONE: readonly Role[] = ["ADMIN", "CURATOR", "OPERATOR", "AUDITOR"];
/**
 * Everyone but operators. Operators work on their centre (its reports and feedback): the
 * panel's menu for them stops there, though the API would let them read more (roles.test.ts).
 */
export const READERS: readonly Role[] = ["ADMIN", "CURATOR", "AUDITOR"];

/** The signed-in role (undefined while loading or signed out). */
export function useRole(): Role | undefined {
  const { permissions } = usePermissions<Role | undefined>();
  return permissions;
}

/** Whether the signed-in role may change records of the resource: hides edit, create and delete buttons. */
export function useCanWrite(resource: Pick<AdminResource, "access">): boolean {
  const role = useRole();
  return role !== undefined && resource.access.write.includes(role);
}
