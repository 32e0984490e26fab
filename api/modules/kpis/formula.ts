// The formula of a COMPUTED KPI, as an administrator defines it (Kpi.definition): one term, or
// the ratio of two simple terms. Terms count the published catalogue (as it is now), sum an
// indicator of the approved reports of a year, or take the population of a year. This file
// holds what a formula may say (the zod schema, also the GraphQL input) and how it reads in
// words; formula-eval.ts computes it in SQL.
import { z } from "zod";
import type { MessageCode } from "../../messages/index.js";

export const TERM_KINDS = ["SERVICE_COUNT", "SERVICE_SHARE", "INDICATOR", "POPULATION"] as const;
export const FORMULA_KINDS = [...TERM_KINDS, "RATIO"] as const;
export type FormulaKind = (typeof FORMULA_KINDS)[number];
export const INDICATOR_PARTS = ["TOTAL", "RURAL"] as const;
const LEVELS = ["FEDERAL", "REGIONAL", "MUNICIPAL"] as const;

/** Properties a service has (true) or lacks (false); a property left out is not looked at. */
const propertiesShape = {
  socialSignificant: z.boolean().nullish().describe("Socially significant (true) or not (false)."),
  electronic: z.boolean().nullish().describe("Available electronically (true) or not (false)."),
  proactive: z.boolean().nullish().describe("Provided proactively (true) or not (false)."),
  needsExtraDocuments: z.boolean().nullish().describe("Needs documents beyond the application (true) or not (false)."),
  level: z.enum(LEVELS).nullish().describe("Of this level only."),
};

export const servicePropertiesSchema = z.object(propertiesShape);
export type ServicePropertiesData = z.output<typeof servicePropertiesSchema>;

export const serviceSetSchema = z.object({
  ...propertiesShape,
  federal: z
    .boolean()
    .nullish()
    .describe(
      "Whether a region's figure counts the federal services (available in every region) beside its own; true unless given. The national figure counts the whole catalogue.",
    ),
});
export type ServiceSetData = z.output<typeof serviceSetSchema>;

const MISSING = "KPI_TERM_FIELD_REQUIRED";
const UNUSED = "KPI_TERM_FIELD_UNUSED";

const termShape = {
  kind: z.enum(FORMULA_KINDS),
  services: serviceSetSchema
    .nullish()
    .describe("SERVICE_COUNT: the published services counted; SERVICE_SHARE: the base set (all published if empty)."),
  having: servicePropertiesSchema
    .nullish()
    .describe("SERVICE_SHARE: the properties whose share among `services` is taken (× 100)."),
  indicatorCode: z
    .string()
    .trim()
    .max(100, "TEXT_TOO_LONG")
    .regex(/^[A-Z][A-Z0-9_]*$/, "KPI_INDICATOR_CODE_FORMAT")
    .nullish()
    .describe("INDICATOR: the report indicator summed over the approved reports of the year."),
  part: z.enum(INDICATOR_PARTS).nullish().describe("INDICATOR: the total (default) or its rural part."),
};

interface TermShape {
  kind: FormulaKind;
  services?: object | null;
  having?: object | null;
  indicatorCode?: string | null;
  part?: string | null;
}

const hasAny = (props: object | null | undefined) =>
  !!props && Object.values(props).some((value) => value !== null && value !== undefined);

/** What a term of `kind` needs and must leave out, reported at `path`. */
function checkTerm(term: TermShape, ctx: z.RefinementCtx, path: (string | number)[] = []): void {
  const issue = (field: string, message: MessageCode) =>
    ctx.addIssue({ code: "custom", path: [...path, field], message });
  const needs = {
    services: term.kind === "SERVICE_COUNT" || term.kind === "SERVICE_SHARE",
    having: term.kind === "SERVICE_SHARE",
    indicatorCode: term.kind === "INDICATOR",
    part: term.kind === "INDICATOR",
  };
  if (term.kind === "SERVICE_SHARE" && !hasAny(term.having)) issue("having", "KPI_SHARE_PROPERTY_REQUIRED");
  if (term.kind === "INDICATOR" && !term.indicatorCode) issue("indicatorCode", MISSING);
  for (const field of ["services", "having", "indicatorCode", "part"] as const) {
    if (!needs[field] && term[field] != null) issue(field, UNUSED);
  }
}

/** A simple term: anything but a ratio. */
export const termSchema = z.object(termShape).superRefine((term, ctx) => {
  if (term.kind === "RATIO") {
    ctx.addIssue({ code: "custom", path: ["kind"], message: "KPI_RATIO_OF_RATIOS" });
    return;
  }
  checkTerm(term, ctx);
});
export type TermData = z.output<typeof termSchema>;

export const definitionSchema = z
  .object({
    ...termShape,
    kind: termShape.kind.describe("One term, or RATIO of two simple terms."),
    numerator: termSchema.nullish().describe("RATIO: the term above the line."),
    denominator: termSchema.nullish().describe("RATIO: the term below the line."),
    multiplier: z
      .number()
      .refine(Number.isFinite, "KPI_NOT_A_NUMBER")
      .positive("KPI_MULTIPLIER_POSITIVE")
      .max(1_000_000, "KPI_MULTIPLIER_TOO_LARGE")
      .nullish()
      .describe("RATIO: the ratio is multiplied by it (100 for a percentage); 1 unless given."),
    byRegion: z
      .boolean()
      .nullish()
      .describe("A national KPI: also give each of your regions' values when no region is asked."),
  })
  .superRefine((definition, ctx) => {
    if (definition.kind !== "RATIO") {
      checkTerm(definition, ctx);
      for (const field of ["numerator", "denominator", "multiplier"] as const) {
        if (definition[field] != null) ctx.addIssue({ code: "custom", path: [field], message: "KPI_RATIO_ONLY" });
      }
      return;
    }
    for (const field of ["numerator", "denominator"] as const) {
      if (!definition[field]) ctx.addIssue({ code: "custom", path: [field], message: MISSING });
    }
    for (const field of ["services", "having", "indicatorCode", "part"] as const) {
      if (definition[field] != null) {
        ctx.addIssue({ code: "custom", path: [field], message: "KPI_RATIO_TERMS_SAY_IT" });
      }
    }
  });
export type DefinitionData = z.output<typeof definitionSchema>;

/** The definition as stored: only what is given, defaults filled in. */
export interface StoredTerm {
  kind: Exclude<FormulaKind, "RATIO">;
  services?: ServiceSetData;
  having?: ServicePropertiesData;
  indicatorCode?: string;
  part?: (typeof INDICATOR_PARTS)[number];
}
export interface StoredDefinition extends Partial<Omit<StoredTerm, "kind">> {
  kind: FormulaKind;
  numerator?: StoredTerm;
  denominator?: StoredTerm;
  multiplier?: number;
  byRegion?: boolean;
}

const compact = <T extends object>(value: T | null | undefined): T | undefined => {
  if (!value) return undefined;
  const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
  return Object.fromEntries(entries) as T;
};

function storedTerm(term: TermData): StoredTerm {
  const stored: StoredTerm = { kind: term.kind as StoredTerm["kind"] };
  if (term.kind === "SERVICE_COUNT" || term.kind === "SERVICE_SHARE") {
    stored.services = { ...compact(term.services), federal: term.services?.federal ?? true };
  }
  if (term.kind === "SERVICE_SHARE") stored.having = compact(term.having);
  if (term.kind === "INDICATOR") {
    stored.indicatorCode = term.indicatorCode ?? "";
    stored.part = term.part ?? "TOTAL";
  }
  return stored;
}

/** What is written into Kpi.definition for a validated definition. */
export function storedDefinition(definition: DefinitionData): StoredDefinition {
  if (definition.kind !== "RATIO") {
    return { ...storedTerm(definition), ...(definition.byRegion ? { byRegion: true } : {}) };
  }
  return {
    kind: "RATIO",
    numerator: storedTerm(definition.numerator as TermData),
    denominator: storedTerm(definition.denominator as TermData),
    multiplier: definition.multiplier ?? 1,
    ...(definition.byRegion ? { byRegion: true } : {}),
  };
}

/** A stored definition read back; null when the column holds nothing this schema accepts. */
export function readDefinition(json: unknown): StoredDefinition | null {
  if (json === null || json === undefined) return null;
  const parsed = definitionSchema.safeParse(json);
  return parsed.success ? storedDefinition(parsed.data) : null;
}

/** The indicator codes a definition sums. */
export function indicatorCodes(definition: StoredDefinition): string[] {
  const terms = definition.kind === "RATIO" ? [definition.numerator, definition.denominator] : [definition];
  return terms.flatMap((term) => (term?.kind === "INDICATOR" && term.indicatorCode ? [term.indicatorCode] : []));
}

// ── In words (Russian, as the panel shows it) ──

const LEVEL_WORDS: Record<(typeof LEVELS)[number], string> = {
  FEDERAL: "федерального уровня",
  REGIONAL: "регионального уровня",
  MUNICIPAL: "муниципального уровня",
};

function propertyWords(props: ServicePropertiesData | undefined): string[] {
  if (!props) return [];
  const words: string[] = [];
  const flag = (value: boolean | null | undefined, yes: string, no: string) => {
    if (value === true) words.push(yes);
    if (value === false) words.push(no);
  };
  flag(props.socialSignificant, "социально значимые", "не социально значимые");
  flag(props.electronic, "доступные в электронном виде", "недоступные в электронном виде");
  flag(props.proactive, "проактивные", "непроактивные");
  flag(props.needsExtraDocuments, "требующие дополнительных документов", "без дополнительных документов");
  if (props.level) words.push(LEVEL_WORDS[props.level]);
  return words;
}

function servicesWords(set: ServiceSetData | undefined): string {
  const words = propertyWords(set);
  const what = words.length > 0 ? `опубликованные услуги (${words.join(", ")})` : "все опубликованные услуги";
  return set?.federal === false ? `${what}, без федеральных` : `${what}, включая федеральные`;
}

function termWords(term: StoredTerm, indicatorNames: ReadonlyMap<string, string>): string {
  switch (term.kind) {
    case "SERVICE_COUNT":
      return `число услуг: ${servicesWords(term.services)}`;
    case "SERVICE_SHARE":
      return `доля услуг (${propertyWords(term.having).join(", ")}) среди: ${servicesWords(term.services)}, × 100`;
    case "INDICATOR": {
      const code = term.indicatorCode ?? "";
      const name = indicatorNames.get(code);
      const part = term.part === "RURAL" ? ", в т. ч. в сельской местности" : "";
      return `показатель отчётов «${name ?? code}» (${code})${part}, сумма по утверждённым отчётам за год`;
    }
    case "POPULATION":
      return "численность населения на 1 января года (или последнего года, за который она известна)";
  }
}

/** The formula in Russian words, e.g. for Tver's share: «(показатель …) ÷ (численность населения …) × 100». */
export function formulaWords(definition: StoredDefinition, indicatorNames: ReadonlyMap<string, string>): string {
  if (definition.kind !== "RATIO") return capitalise(termWords(definition as StoredTerm, indicatorNames));
  const numerator = definition.numerator ? termWords(definition.numerator, indicatorNames) : "?";
  const denominator = definition.denominator ? termWords(definition.denominator, indicatorNames) : "?";
  const multiplier =
    definition.multiplier && definition.multiplier !== 1 ? ` × ${formatNumber(definition.multiplier)}` : "";
  return `(${capitalise(numerator)}) ÷ (${denominator})${multiplier}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const formatNumber = (n: number) => n.toLocaleString("ru-RU").replace(/\u00a0/g, " ");
