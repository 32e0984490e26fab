import { choicesOf } from "../../lib/choices";

/**
 * What a registry import brings (RegistryImportKind), in the order a region imports them:
 * centres name their host organisation by its code, so organisations come first.
 */
export const REGISTRY_IMPORT_KINDS = ["ORGANISATIONS", "CENTRES", "SERVICES"] as const;
export type RegistryImportKind = (typeof REGISTRY_IMPORT_KINDS)[number];
export const registryImportKindChoices = choicesOf("RegistryImportKind", REGISTRY_IMPORT_KINDS);
