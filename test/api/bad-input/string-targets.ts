// What the megabyte-string cases are built from: the documented maxima, an argument sent to a
// field (a target), and enum values that are bare names in a literal.
import type { Headers } from "./harness.js";

/** The documented maxima (README, "Limits"), in characters. */
export const MAX = {
  id: 128,
  cursor: 200,
  search: 200,
  code: 64,
  email: 254,
  password: 1024,
  name: 1000,
  url: 2048,
  text: 10_000,
  other: 100,
} as const;

/** An enum value in a literal (a bare name), and the same name in the variables. */
export class Enum {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}

/** A JavaScript value as a GraphQL literal. */
export function literal(value: unknown): string {
  if (value instanceof Enum) return value.name;
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value && typeof value === "object")
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${key}: ${literal(item)}`)
      .join(", ")} }`;
  return String(value);
}

export interface Target {
  /** What the string is, and where it goes: `name: updateCentre(input.name) as the curator`. */
  label: string;
  headers: Headers;
  field: string;
  /** The argument's type and value, given the big string. */
  argument: string;
  type: string;
  value: (big: string) => unknown;
  /** The path the refusal must name, and its maximum. */
  path: string;
  maxLength: number;
  mutation: boolean;
  selection?: string;
}
