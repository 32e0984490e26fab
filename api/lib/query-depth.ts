// Query depth, counted in entity levels. Relay's wrappers (`edges`, `node` inside a
// connection, `pageInfo`) are not levels of their own, so a list of centres with their
// settlement's municipality's region is 4 levels deep, as a person would count it, while a
// query nesting relations 13 times is refused long before it reaches the database.

import {
  type ASTNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { formatMessage } from "../messages/index.js";

const WRAPPERS = new Set(["edges", "node", "pageInfo"]);

function depthOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visited: Set<string>,
  parent = "",
): number {
  if (!selectionSet) return 0;
  let max = 0;
  for (const selection of selectionSet.selections) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith("__")) continue; // introspection is limited by its own rules
      const name = selection.name.value;
      // `node` is a wrapper only inside `edges`: the root `node(id:)` is an entity level.
      const wrapper = name === "node" ? parent === "edges" : WRAPPERS.has(name);
      depth = selection.selectionSet
        ? (wrapper ? 0 : 1) + depthOf(selection.selectionSet, fragments, visited, name)
        : 0;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = depthOf(selection.selectionSet, fragments, visited, parent);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || visited.has(name)) continue; // a fragment cycle is reported by graphql itself
      visited.add(name);
      depth = depthOf(fragment.selectionSet, fragments, visited, parent);
      visited.delete(name);
    }
    max = Math.max(max, depth);
  }
  return max;
}

export function maxDepthRule(limit: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    return {
      OperationDefinition(node: ASTNode) {
        if (node.kind !== Kind.OPERATION_DEFINITION) return;
        const depth = depthOf(node.selectionSet, fragments, new Set());
        if (depth > limit) {
          context.reportError(
            new GraphQLError(formatMessage("QUERY_TOO_DEEP", { depth, limit }, "en"), {
              nodes: [node],
              extensions: { code: "QUERY_TOO_DEEP", messageCode: "QUERY_TOO_DEEP", messageParams: { depth, limit } },
            }),
          );
        }
      },
    };
  };
}
