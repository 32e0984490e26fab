import type { ResourceDefinition } from "../providers/definition";
import { resources } from ".";

/** The data provider's view of the resources: resource name → its mapping onto the API. */
export const definitions: Readonly<Record<string, ResourceDefinition>> = Object.fromEntries(
  resources.map((resource) => [resource.name, resource.definition]),
);
