// Page sizes over the cap, in the query's text: clamped before validation and costing.
import { type ArgumentNode, type DocumentNode, Kind, visit } from "graphql";

/**
 * Literal page sizes above the cap become the cap before validation, so `first: 5000` is
 * answered with the 100 rows it would get anyway, and the cost model counts 100, not 5000.
 */
export function clampPageSizes(document: DocumentNode, max: number): DocumentNode {
  // Yoga hands the same document object for the same query text (its parse cache): the clamped
  // one is kept beside it, so it is walked once, and stays the same object for the validation
  // cache after it.
  const known = clamped.get(document);
  if (known?.max === max) return known.document;
  const result = visit(document, {
    Argument(node: ArgumentNode) {
      if ((node.name.value !== "first" && node.name.value !== "last") || node.value.kind !== Kind.INT) return undefined;
      if (Number(node.value.value) <= max) return undefined;
      return { ...node, value: { ...node.value, value: String(max) } };
    },
  });
  clamped.set(document, { max, document: result });
  return result;
}

const clamped = new WeakMap<DocumentNode, { max: number; document: DocumentNode }>();
