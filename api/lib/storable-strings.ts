// Strings PostgreSQL cannot store, in the variables and in the query's literals: refused before
// anything runs, with where they are.

import { type ASTNode, GraphQLError, Kind, type ValidationContext, type ValidationRule } from "graphql";
import { formatMessage } from "../messages/index.js";

// NUL cannot be stored in a PostgreSQL text column (the statement fails), and a lone UTF-16
// surrogate is not text at all (it would be stored as U+FFFD): both are the caller's error.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const unstorableMessage = (where: string) => formatMessage("UNSTORABLE_STRING", { where }, "en");

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
  return new GraphQLError(unstorableMessage(`"${path}"`), {
    extensions: { code: "BAD_USER_INPUT", messageCode: "UNSTORABLE_STRING", messageParams: { where: `"${path}"` } },
  });
}

/** The same for string literals in the document (`"a\u0000b"` is a valid GraphQL escape). */
export function storableStringsRule(context: ValidationContext): ReturnType<ValidationRule> {
  return {
    StringValue(node: ASTNode) {
      if (node.kind === Kind.STRING && UNSTORABLE.test(node.value))
        context.reportError(
          new GraphQLError(unstorableMessage("A string in the query"), {
            nodes: [node],
            extensions: { code: "BAD_USER_INPUT", messageCode: "UNSTORABLE_STRING_IN_QUERY" },
          }),
        );
    },
  };
}
