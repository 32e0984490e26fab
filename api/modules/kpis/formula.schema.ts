// GraphQL types of KPI formulas (formula.ts): the nested input createKpi/updateKpi take and the
// typed object Kpi.definition reads as.
import { builder, type Types } from "../../builder.js";
import { zodInputPart } from "../../inputs.js";
import { ServiceLevelEnum } from "../services/services.schema.js";
import {
  definitionSchema,
  FORMULA_KINDS,
  INDICATOR_PARTS,
  type ServicePropertiesData,
  type ServiceSetData,
  type StoredDefinition,
  type StoredTerm,
  servicePropertiesSchema,
  serviceSetSchema,
  termSchema,
} from "./formula.js";

export const KpiFormulaKindEnum = builder.enumType("KpiFormulaKind", {
  description:
    "SERVICE_COUNT: published services with properties; SERVICE_SHARE: the share (× 100) of those having a property among a base set (both describe the catalogue as it is now, whatever the year); INDICATOR: a report indicator summed over the approved reports of the year; POPULATION: residents in the year (or the latest earlier year known); RATIO: one simple term divided by another, times a multiplier.",
  values: FORMULA_KINDS,
});

export const KpiIndicatorPartEnum = builder.enumType("KpiIndicatorPart", {
  description: "The indicator's total, or its rural part.",
  values: INDICATOR_PARTS,
});

// ── Inputs ──

const KpiServicePropertiesInput = zodInputPart("KpiServicePropertiesInput", servicePropertiesSchema, {
  types: { level: ServiceLevelEnum },
});

const KpiServiceSetInput = zodInputPart("KpiServiceSetInput", serviceSetSchema, {
  types: { level: ServiceLevelEnum },
});

const termTypes = {
  kind: KpiFormulaKindEnum,
  services: KpiServiceSetInput,
  having: KpiServicePropertiesInput,
  part: KpiIndicatorPartEnum,
} as const;

const KpiTermInput = zodInputPart("KpiTermInput", termSchema, {
  description: "A simple term of a ratio (any kind but RATIO).",
  types: termTypes,
});

export const KpiDefinitionInput = zodInputPart("KpiDefinitionInput", definitionSchema, {
  description: "How a COMPUTED KPI is computed: one term, or RATIO of two simple terms.",
  types: { ...termTypes, numerator: KpiTermInput, denominator: KpiTermInput },
});

// ── The stored definition, read ──

/** The properties of services, as a service set and a share's property both read them. */
function propertyFields(t: PothosSchemaTypes.ObjectFieldBuilder<Types, ServicePropertiesData>) {
  return {
    socialSignificant: t.boolean({ nullable: true, resolve: (p) => p.socialSignificant ?? null }),
    electronic: t.boolean({ nullable: true, resolve: (p) => p.electronic ?? null }),
    proactive: t.boolean({ nullable: true, resolve: (p) => p.proactive ?? null }),
    needsExtraDocuments: t.boolean({ nullable: true, resolve: (p) => p.needsExtraDocuments ?? null }),
    level: t.field({ type: ServiceLevelEnum, nullable: true, resolve: (p) => p.level ?? null }),
  };
}

const KpiServiceProperties = builder.objectRef<ServicePropertiesData>("KpiServiceProperties").implement({
  description: "Properties a service has (true) or lacks (false); null: not looked at.",
  fields: (t) => propertyFields(t),
});

const KpiServiceSet = builder.objectRef<ServiceSetData>("KpiServiceSet").implement({
  description: "Published services with these properties.",
  fields: (t) => ({
    ...propertyFields(t as never),
    federal: t.boolean({
      description: "Whether a region's figure counts the federal services beside its own.",
      resolve: (p) => p.federal !== false,
    }),
  }),
});

/** The fields a term and a one-term definition share. */
function termFields(t: PothosSchemaTypes.ObjectFieldBuilder<Types, StoredTerm | StoredDefinition>) {
  return {
    services: t.field({ type: KpiServiceSet, nullable: true, resolve: (term) => term.services ?? null }),
    having: t.field({ type: KpiServiceProperties, nullable: true, resolve: (term) => term.having ?? null }),
    indicatorCode: t.string({ nullable: true, resolve: (term) => term.indicatorCode ?? null }),
    part: t.field({ type: KpiIndicatorPartEnum, nullable: true, resolve: (term) => term.part ?? null }),
  };
}

const KpiTerm = builder.objectRef<StoredTerm>("KpiTerm").implement({
  description: "A simple term of a ratio.",
  fields: (t) => ({
    kind: t.field({ type: KpiFormulaKindEnum, resolve: (term) => term.kind }),
    ...termFields(t as never),
  }),
});

export const KpiDefinition = builder.objectRef<StoredDefinition>("KpiDefinition").implement({
  description: "How a COMPUTED KPI is computed (as createKpi took it, defaults filled in).",
  fields: (t) => ({
    kind: t.field({ type: KpiFormulaKindEnum, resolve: (d) => d.kind }),
    ...termFields(t as never),
    numerator: t.field({ type: KpiTerm, nullable: true, resolve: (d) => d.numerator ?? null }),
    denominator: t.field({ type: KpiTerm, nullable: true, resolve: (d) => d.denominator ?? null }),
    multiplier: t.float({ nullable: true, resolve: (d) => (d.kind === "RATIO" ? (d.multiplier ?? 1) : null) }),
    byRegion: t.boolean({
      description: "A national KPI: also each of your regions' values when no region is asked.",
      resolve: (d) => d.byRegion === true,
    }),
  }),
});
