// A COMPUTED KPI's formula as the form holds it and as the API takes it (KpiDefinitionInput),
// and its reading in words while it is being built (the API's Kpi.formulaText says the same
// once saved).

export const TERM_KINDS = ["SERVICE_COUNT", "SERVICE_SHARE", "INDICATOR", "POPULATION"] as const;
export const FORMULA_KINDS = [...TERM_KINDS, "RATIO"] as const;
export const INDICATOR_PARTS = ["TOTAL", "RURAL"] as const;
export const SERVICE_LEVELS = ["FEDERAL", "REGIONAL", "MUNICIPAL"] as const;
export const SERVICE_PROPERTIES = ["socialSignificant", "electronic", "proactive", "needsExtraDocuments"] as const;

type Properties = Partial<Record<(typeof SERVICE_PROPERTIES)[number], boolean | null>> & { level?: string | null };

export interface TermValue {
  kind?: string | null;
  services?: (Properties & { federal?: boolean | null }) | null;
  having?: Properties | null;
  indicatorCode?: string | null;
  part?: string | null;
}

export interface DefinitionValue extends TermValue {
  numerator?: TermValue | null;
  denominator?: TermValue | null;
  multiplier?: number | null;
  byRegion?: boolean | null;
}

/** The value without empty parts (null, "", empty objects): what the API takes. */
function compact(value: unknown): unknown {
  if (value === null || value === undefined || value === "") {
    return undefined;
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    return value;
  }
  const entries = Object.entries(value)
    .map(([key, inner]) => [key, compact(inner)] as const)
    .filter(([, inner]) => inner !== undefined);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** Only the parts the kind of term uses. */
function termInput(term: TermValue | null | undefined): TermValue | undefined {
  if (!term?.kind) {
    return undefined;
  }
  const kind = term.kind;
  return compact({
    kind,
    services: kind === "SERVICE_COUNT" || kind === "SERVICE_SHARE" ? term.services : undefined,
    having: kind === "SERVICE_SHARE" ? term.having : undefined,
    indicatorCode: kind === "INDICATOR" ? term.indicatorCode : undefined,
    part: kind === "INDICATOR" ? term.part : undefined,
  }) as TermValue;
}

/** The definition the API takes from the form's (null for an ENTERED KPI or no kind chosen). */
export function definitionInput(source: unknown, definition: DefinitionValue | null | undefined): unknown {
  if (source !== "COMPUTED" || !definition?.kind) {
    return null;
  }
  const byRegion = definition.byRegion ? { byRegion: true } : {};
  if (definition.kind !== "RATIO") {
    return { ...termInput(definition), ...byRegion };
  }
  return compact({
    kind: "RATIO",
    numerator: termInput(definition.numerator),
    denominator: termInput(definition.denominator),
    multiplier: definition.multiplier,
    ...byRegion,
  });
}

// ── In words ──

type Translate = (key: string, options?: Record<string, unknown>) => string;

function propertyWords(props: Properties | null | undefined, translate: Translate): string[] {
  const words: string[] = [];
  for (const property of SERVICE_PROPERTIES) {
    const value = props?.[property];
    if (value === true || value === false) {
      words.push(translate(`dostup.kpis.formula.words.${property}.${value ? "yes" : "no"}`));
    }
  }
  if (props?.level) {
    words.push(translate(`dostup.kpis.formula.words.level.${props.level}`));
  }
  return words;
}

function servicesWords(set: TermValue["services"], translate: Translate): string {
  const words = propertyWords(set, translate);
  const what =
    words.length > 0
      ? translate("dostup.kpis.formula.words.services", { properties: words.join(", ") })
      : translate("dostup.kpis.formula.words.all_services");
  const federal = translate(`dostup.kpis.formula.words.${set?.federal === false ? "without_federal" : "with_federal"}`);
  return `${what}, ${federal}`;
}

function termWords(term: TermValue | null | undefined, translate: Translate, indicators: Map<string, string>): string {
  switch (term?.kind) {
    case "SERVICE_COUNT":
      return translate("dostup.kpis.formula.words.count", { services: servicesWords(term.services, translate) });
    case "SERVICE_SHARE":
      return translate("dostup.kpis.formula.words.share", {
        having: propertyWords(term.having, translate).join(", ") || "?",
        services: servicesWords(term.services, translate),
      });
    case "INDICATOR": {
      const code = term.indicatorCode ?? "?";
      const part = term.part === "RURAL" ? translate("dostup.kpis.formula.words.rural") : "";
      return translate("dostup.kpis.formula.words.indicator", { name: indicators.get(code) ?? code, code, part });
    }
    case "POPULATION":
      return translate("dostup.kpis.formula.words.population");
    default:
      return "?";
  }
}

/** The formula in words, e.g. «(показатель …) ÷ (численность населения …) × 100». */
export function formulaWords(
  definition: DefinitionValue | null | undefined,
  translate: Translate,
  indicators: Map<string, string>,
): string {
  if (!definition?.kind) {
    return "";
  }
  if (definition.kind !== "RATIO") {
    return termWords(definition, translate, indicators);
  }
  const multiplier = definition.multiplier && definition.multiplier !== 1 ? ` × ${definition.multiplier}` : "";
  return `(${termWords(definition.numerator, translate, indicators)}) ÷ (${termWords(definition.denominator, translate, indicators)})${multiplier}`;
}
