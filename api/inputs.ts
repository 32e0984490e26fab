// GraphQL input types declared once, by the zod schemas that validate them (each module's
// *.inputs.ts). An input's fields, their GraphQL types, which are required and their
// descriptions all come from the schema, and the validation plugin runs the same schema on
// every call, so the API names each input field in one place. What zod cannot say (which
// GraphQL enum or nested input a field takes, DateTime rather than Date, String rather than ID)
// the module says in `types`.
import type { InputFieldRef, InputObjectRef, InputTypeParam } from "@pothos/core";
import type { z } from "zod";
import { builder, type Types } from "./builder.js";

type FieldType = InputTypeParam<Types>;
type Keys<S extends z.ZodType> = Extract<keyof z.input<S>, string>;

interface ZodInputOptions<S extends z.ZodType> {
  description?: string;
  /** GraphQL types zod does not decide: enums, nested inputs, "DateTime", "String" for an `…Id`. */
  types?: Partial<Record<Keys<S>, FieldType>>;
  /**
   * Fields GraphQL requires or not against what the schema says, e.g. one required in GraphQL
   * that zod defaults so other callers (imports) may leave it out.
   */
  required?: Partial<Record<Keys<S>, boolean>>;
  /** Defaults the schema shows (`= 30`), for a value GraphQL fills in before the schema runs. */
  defaults?: Partial<Record<Keys<S>, string | number | boolean>>;
  /** Field extensions, e.g. `{ maxLength }` for a long text (lib/string-lengths.ts). */
  extensions?: Partial<Record<Keys<S>, Record<string, unknown>>>;
}

/**
 * `builder.inputType(name)` with a field for each key of `schema` (an object, maybe wrapped in
 * `nullAsAbsent`, a refinement or a transform) and `.validate(schema)`, so resolvers receive
 * what the schema outputs. A field is required unless the schema lets it be absent or null or
 * gives a default. Its type: `types[key]` if given, else ID for `id`, `…Id` and `…Ids`, else
 * String, Int (an integer check), Float, Boolean or Date by the schema, lists as `[T!]`.
 */
export function zodInput<S extends z.ZodType>(name: string, schema: S, options: ZodInputOptions<S> = {}) {
  return inputType(name, schema, options).validate(schema);
}

/**
 * An input that is a part of others (e.g. a target of a standard), declared as `zodInput` but
 * checked by the schemas of the inputs that hold it, not on its own.
 */
export function zodInputPart<S extends z.ZodType>(name: string, schema: S, options: ZodInputOptions<S> = {}) {
  return inputType(name, schema, options) as unknown as InputObjectRef<Types, z.input<S>>;
}

function inputType<S extends z.ZodType>(name: string, schema: S, options: ZodInputOptions<S>) {
  const shape = objectShape(schema);
  const types: Partial<Record<string, FieldType>> = options.types ?? {};
  const required: Partial<Record<string, boolean>> = options.required ?? {};
  const extensions: Partial<Record<string, Record<string, unknown>>> = options.extensions ?? {};
  const defaults: Partial<Record<string, string | number | boolean>> = options.defaults ?? {};
  return builder.inputType(name, {
    description: options.description,
    fields: (t) => {
      const fields: Record<string, InputFieldRef<Types, unknown>> = {};
      for (const [key, field] of Object.entries(shape)) {
        const { inner, optional, description } = unwrap(field);
        fields[key] = t.field({
          type: types[key] ?? graphqlType(name, key, inner),
          required: required[key] ?? !optional,
          description,
          extensions: extensions[key],
          ...(defaults[key] === undefined ? {} : { defaultValue: defaults[key] }),
        }) as InputFieldRef<Types, unknown>;
      }
      return fields;
    },
  });
}

/** The object schema's shape, through `nullAsAbsent`'s preprocess, refinements and transforms. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  const def = schema._zod.def as { type: string; shape?: Record<string, z.ZodType>; in?: z.ZodType; out?: z.ZodType };
  if (def.type === "object" && def.shape) return def.shape;
  if (def.type === "pipe" && def.in && def.out)
    return objectShape(def.in._zod.def.type === "transform" ? def.out : def.in);
  throw new Error(`zodInput: ${def.type} is not an object schema`);
}

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"]);
const ABSENT = new Set(["optional", "nullable", "default", "prefault"]);

/** A field's schema without its wrappers: may it be absent, and its description on any layer. */
function unwrap(field: z.ZodType): { inner: z.ZodType; optional: boolean; description: string | undefined } {
  let inner = field;
  let optional = false;
  let description = field.description;
  for (;;) {
    const def = inner._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType };
    if (WRAPPERS.has(def.type) && def.innerType) {
      optional ||= ABSENT.has(def.type);
      inner = def.innerType;
    } else if (def.type === "pipe" && def.in && def.out) {
      inner = def.in._zod.def.type === "transform" ? def.out : def.in;
    } else {
      return { inner, optional, description };
    }
    description ??= inner.description;
  }
}

function graphqlType(input: string, key: string, schema: z.ZodType): FieldType {
  const def = schema._zod.def as { type: string; element?: z.ZodType };
  if (def.type === "array" && def.element) {
    const item = graphqlType(input, key.replace(/s$/, ""), unwrap(def.element).inner);
    if (Array.isArray(item)) throw new Error(`zodInput: ${input}.${key} is a list of lists`);
    return [item];
  }
  switch (def.type) {
    case "string":
      return key === "id" || key.endsWith("Id") ? "ID" : "String";
    case "number":
      return (schema as z.ZodNumber).isInt ? "Int" : "Float";
    case "boolean":
      return "Boolean";
    case "date":
      return "Date";
    default:
      throw new Error(`zodInput: give ${input}.${key} (${def.type}) its GraphQL type in \`types\``);
  }
}
