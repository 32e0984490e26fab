// The weights of expensive fields, added to GraphQL Armor's cost, and the fields a request may
// ask for once only (their declarations: FieldCost in limits.ts).

import {
  type ASTNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLNamedType,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { formatMessage } from "../messages/index.js";
import { costOf } from "./limits.js";

/**
 * One validation rule for the fields that declare a cost: a field marked once per request is
 * refused when the operation asks for it under two response keys (aliases, fragments), and the
 * weights are added to the cost GraphQL Armor computed for the operation, against the same
 * limit. Armor hands its figure over through its `onAccept` callback (`recordArmorCost`), which
 * runs as it enters the operation; this rule reads it as it leaves the operation.
 */
export function fieldCostRule(maxCost: number): {
  rule: ValidationRule;
  recordArmorCost: (context: ValidationContext | null, details: { n?: number }) => void;
} {
  const armorCosts = new WeakMap<ValidationContext, number>();
  const rule: ValidationRule = (context) => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    const schema = context.getSchema();
    return {
      OperationDefinition: {
        leave(node: ASTNode) {
          if (node.kind !== Kind.OPERATION_DEFINITION) return;
          const root = schema.getRootType(node.operation);
          if (!root) return;
          const once = new Map<string, Set<string>>();
          const weights = new Map<string, number>();
          // Breadth-first over the operation's fields, fragments followed (each at most once per
          // path, so a fragment cycle, refused by graphql itself, cannot loop here).
          const queue: {
            set: SelectionSetNode;
            type: GraphQLNamedType;
            path: string;
            times: number;
            seen: Set<string>;
          }[] = [{ set: node.selectionSet, type: root, path: "", times: 1, seen: new Set() }];
          while (queue.length > 0) {
            const { set, type, path, times, seen } = queue.shift() as (typeof queue)[number];
            for (const selection of set.selections) {
              if (selection.kind === Kind.INLINE_FRAGMENT) {
                const narrowed = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
                if (narrowed) queue.push({ set: selection.selectionSet, type: narrowed, path, times, seen });
                continue;
              }
              if (selection.kind === Kind.FRAGMENT_SPREAD) {
                const fragment = fragments[selection.name.value];
                const narrowed = fragment && schema.getType(fragment.typeCondition.name.value);
                if (!fragment || !narrowed || seen.has(fragment.name.value)) continue;
                queue.push({
                  set: fragment.selectionSet,
                  type: narrowed,
                  path,
                  times,
                  seen: new Set([...seen, fragment.name.value]),
                });
                continue;
              }
              if (!isObjectType(type) && !isInterfaceType(type)) continue;
              const field = type.getFields()[selection.name.value];
              if (!field) continue;
              const key = `${path}/${selection.alias?.value ?? selection.name.value}`;
              const cost = costOf(field);
              if (cost?.oncePerRequest) once.set(field.name, (once.get(field.name) ?? new Set()).add(key));
              // The same response key twice is merged by graphql and runs once: weighed once.
              if (cost?.weight) weights.set(key, cost.weight * times);
              if (selection.selectionSet) {
                // As Armor counts: a literal page size multiplies what is inside the list.
                const size = selection.arguments?.find((a) => a.name.value === "first" || a.name.value === "last");
                const multiplier = size?.value.kind === Kind.INT ? Math.max(1, Number(size.value.value)) : 1;
                queue.push({
                  set: selection.selectionSet,
                  type: getNamedType(field.type),
                  path: key,
                  times: times * multiplier,
                  seen,
                });
              }
            }
          }
          for (const [name, keys] of once) {
            if (keys.size > 1)
              context.reportError(
                new GraphQLError(formatMessage("ONCE_PER_REQUEST", { field: name, count: keys.size }, "en"), {
                  nodes: [node],
                  extensions: {
                    code: "ONCE_PER_REQUEST",
                    field: name,
                    count: keys.size,
                    messageCode: "ONCE_PER_REQUEST",
                    messageParams: { field: name, count: keys.size },
                  },
                }),
              );
          }
          const armor = armorCosts.get(context);
          armorCosts.delete(context);
          const weight = [...weights.values()].reduce((sum, w) => sum + w, 0);
          // Without Armor's figure the operation was already refused for its cost.
          if (armor === undefined || weight === 0) return;
          const total = Math.round(armor + weight);
          if (total > maxCost)
            context.reportError(
              new GraphQLError(formatMessage("QUERY_TOO_COSTLY_WEIGHTED", { max: maxCost, total, weight }, "en"), {
                nodes: [node],
                extensions: {
                  code: "QUERY_TOO_COSTLY",
                  cost: total,
                  maxCost,
                  messageCode: "QUERY_TOO_COSTLY_WEIGHTED",
                  messageParams: { max: maxCost, total, weight },
                },
              }),
            );
        },
      },
    };
  };
  return {
    rule,
    recordArmorCost: (context, details) => {
      if (context && typeof details.n === "number") armorCosts.set(context, details.n);
    },
  };
}
