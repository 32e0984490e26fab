// Query limits of our own. Depth, counted in entity levels. Relay's wrappers (`edges`, `node` inside a
// connection, `pageInfo`) are not levels of their own, so a list of centres with their
// settlement's municipality's region is 4 levels deep, as a person would count it, while a
// query nesting relations 13 times is refused long before it reaches the database.
import {
  type ArgumentNode,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  visit,
} from "graphql";

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
            new GraphQLError(
              `The query nests ${depth} levels; at most ${limit} are allowed. Split it into smaller queries.`,
              {
                nodes: [node],
                extensions: { code: "QUERY_TOO_DEEP" },
              },
            ),
          );
        }
      },
    };
  };
}

/**
 * Literal page sizes above the cap become the cap before validation, so `first: 5000` is
 * answered with the 100 rows it would get anyway, and the cost model counts 100, not 5000.
 */
export function clampPageSizes(document: DocumentNode, max: number): DocumentNode {
  return visit(document, {
    Argument(node: ArgumentNode) {
      if ((node.name.value !== "first" && node.name.value !== "last") || node.value.kind !== Kind.INT) return undefined;
      if (Number(node.value.value) <= max) return undefined;
      return { ...node, value: { ...node.value, value: String(max) } };
    },
  });
}

// NUL cannot be stored in a PostgreSQL text column (the statement fails), and a lone UTF-16
// surrogate is not text at all (it would be stored as U+FFFD): both are the caller's error.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const unstorableMessage = (where: string) =>
  `${where} holds a NUL character or a lone UTF-16 surrogate, which no text may contain.`;

/** The path of the first string in `value` (variables, however deep) that cannot be stored. */
export function findUnstorableString(value: unknown, root = "variables"): string | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [item, path] = stack.pop() as [unknown, string];
    if (typeof item === "string") {
      if (UNSTORABLE.test(item)) return path;
    } else if (Array.isArray(item)) {
      item.forEach((child, i) => {
        stack.push([child, `${path}[${i}]`]);
      });
    } else if (item && typeof item === "object") {
      for (const [key, child] of Object.entries(item)) {
        if (UNSTORABLE.test(key)) return path;
        stack.push([child, `${path}.${key}`]);
      }
    }
  }
  return null;
}

export function unstorableVariablesError(path: string): GraphQLError {
  return new GraphQLError(unstorableMessage(`"${path}"`), { extensions: { code: "BAD_USER_INPUT" } });
}

/** The same for string literals in the document (`"a\u0000b"` is a valid GraphQL escape). */
export function storableStringsRule(context: ValidationContext): ReturnType<ValidationRule> {
  return {
    StringValue(node: ASTNode) {
      if (node.kind === Kind.STRING && UNSTORABLE.test(node.value))
        context.reportError(
          new GraphQLError(unstorableMessage("A string in the query"), {
            nodes: [node],
            extensions: { code: "BAD_USER_INPUT" },
          }),
        );
    },
  };
}
