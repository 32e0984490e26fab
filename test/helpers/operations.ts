// Builds a well-formed call of any root field from the schema itself, so the role matrix
// covers every query and mutation, including ones added later.
import { randomUUID } from "node:crypto";
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from "graphql";
import { toGlobalId } from "../../api/lib/ids.js";

/** "centreId" → "Centre", "regionIds" → "Region": the type an id argument points at. */
function typeOfIdField(name: string): string {
  const base = name.replace(/Ids?$/, "");
  if (!base || base === "id" || base === "record") return "Centre";
  const aliases: Record<string, string> = {
    hostOrganisation: "Organisation",
    curator: "Person",
    duplicateOf: "Feedback",
    copyFrom: "QualityStandard",
    form: "ReportForm",
    indicator: "ReportIndicator",
    apiClient: "ApiClient",
    kpi: "Kpi",
    category: "FeedbackCategory",
    standard: "QualityStandard",
    visit: "MobileVisit",
    competentAuthority: "Organisation",
  };
  return aliases[base] ?? base.charAt(0).toUpperCase() + base.slice(1);
}

function valueFor(type: GraphQLInputType, name: string, depth = 0): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, name, depth);
  if (isListType(type)) return [valueFor(type.ofType, name, depth)];
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && depth < 4) value[field.name] = valueFor(field.type, field.name, depth + 1);
    }
    return value;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "ID":
        return toGlobalId(typeOfIdField(name), randomUUID());
      case "Int":
        return 1;
      case "Float":
        return 1.5;
      case "Boolean":
        return false;
      case "Date":
        return "2031-01-01";
      case "DateTime":
        return "2031-01-01T00:00:00Z";
      default:
        return name.toLowerCase().includes("email") ? "nobody@dostup.local" : "x";
    }
  }
  return null;
}

function selectionFor(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isUnionType(named) || isInterfaceType(named) || isObjectType(named)) return "{ __typename }";
  return "";
}

export interface Operation {
  kind: "query" | "mutation";
  name: string;
  document: string;
  variables: Record<string, unknown>;
}

export function operations(schema: GraphQLSchema): Operation[] {
  const result: Operation[] = [];
  const add = (kind: "query" | "mutation", field: GraphQLField<unknown, unknown>) => {
    const args = field.args.filter((arg: GraphQLArgument) => isNonNullType(arg.type));
    const variables = Object.fromEntries(args.map((arg) => [arg.name, valueFor(arg.type, arg.name)]));
    const declared = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(", ");
    const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
    const document = `${kind} Op${declared ? `(${declared})` : ""} { ${field.name}${passed ? `(${passed})` : ""} ${selectionFor(field.type)} }`;
    result.push({ kind, name: field.name, document, variables });
  };
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) add("query", field);
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) add("mutation", field);
  return result;
}
