import { Prisma } from "../../generated/prisma/client.js";
import { type Access, includes, inRegions, isAdmin, regionOrFederal } from "../../lib/access.js";
import { assertUpdated, change, log, type Tx } from "../../lib/change.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../lib/errors.js";
import { directionOf, inRegionOf, type OrderBy, searchIn } from "../../lib/filters.js";
import { fromGlobalId } from "../../lib/ids.js";
import { updateFoundRow } from "../../lib/rows.js";
import { type DefinitionData, type StoredDefinition, storedDefinition } from "./formula.js";
import type { CreateKpiData, KpiFilterData, RecordKpiValueData, UpdateKpiData } from "./kpis.inputs.js";

// ── Who sees KPIs ──

/** Federal KPIs (no region) are everyone's; regional ones belong to their region's readers. */
export function kpiScope(access: Access): Prisma.KpiWhereInput {
  return regionOrFederal(access.read) as Prisma.KpiWhereInput;
}

/** Values of the caller's regions, and national values (no region). */
export function kpiValueScope(access: Access): Prisma.KpiValueWhereInput {
  return regionOrFederal(access.read) as Prisma.KpiValueWhereInput;
}

export function canReadRegional(access: Access, row: { regionId: string | null }): boolean {
  return row.regionId === null || includes(access.read, row.regionId);
}

// ── Lists ──

export type KpiOrderByInput = OrderBy<"CODE" | "NAME" | "TARGET_YEAR">;

export function kpiWhere(access: Access, filter?: KpiFilterData | null): Prisma.KpiWhereInput {
  return {
    AND: [
      kpiScope(access),
      inRegionOf(filter),
      typeof filter?.federal === "boolean" ? { regionId: filter.federal ? null : { not: null } } : {},
      filter?.source ? { source: filter.source } : {},
      searchIn(filter?.search, ["code", "name"]),
    ],
  };
}

export function kpiOrderBy(orderBy?: KpiOrderByInput | null): Prisma.KpiOrderByWithRelationInput[] {
  const direction = directionOf(orderBy);
  if (orderBy?.field === "NAME") return [{ name: direction }, { id: direction }];
  if (orderBy?.field === "TARGET_YEAR") return [{ targetYear: direction }, { code: "asc" }, { id: direction }];
  return [{ code: direction }, { id: direction }];
}

// ── KPIs (administrators) ──

function assertAdmin(access: Access): void {
  if (!isAdmin(access)) throw new ForbiddenError("KPI_ADMIN_ONLY");
}

/** Where each term of a definition sits in the input, for errors naming the field. */
function termsAt(definition: StoredDefinition): [string, StoredDefinition | undefined][] {
  if (definition.kind !== "RATIO") return [["input.definition", definition]];
  return [
    ["input.definition.numerator", definition.numerator],
    ["input.definition.denominator", definition.denominator],
  ];
}

/** The definition as stored, after checking that the indicators it sums exist on a report form. */
async function checkedDefinition(tx: Tx, definition: DefinitionData): Promise<StoredDefinition> {
  const stored = storedDefinition(definition);
  for (const [path, term] of termsAt(stored)) {
    if (term?.kind !== "INDICATOR" || !term.indicatorCode) continue;
    const found = await tx.reportIndicator.findFirst({ where: { code: term.indicatorCode }, select: { id: true } });
    if (!found) throw ValidationError.of(`${path}.indicatorCode`, "KPI_UNKNOWN_INDICATOR");
  }
  return stored;
}

const definitionJson = (definition: StoredDefinition | null) =>
  definition === null ? Prisma.DbNull : (definition as unknown as Prisma.InputJsonValue);

export async function createKpi(access: Access, { regionId: regionGlobalId, definition, ...data }: CreateKpiData) {
  assertAdmin(access);
  return change("KPI", async (tx) => {
    const stored = definition ? await checkedDefinition(tx, definition) : null;
    let regionId: string | null = null;
    if (regionGlobalId) {
      const region = await tx.region.findUnique({
        where: { id: fromGlobalId("Region", regionGlobalId, "input.regionId") },
      });
      if (!region) throw new NotFoundError("region");
      regionId = region.id;
    }
    const kpi = await tx.kpi.create({ data: { ...data, regionId, definition: definitionJson(stored) } });
    await log(tx, access, { entity: "Kpi", entityId: kpi.id, action: "CREATE", regionId, after: kpi });
    return kpi;
  });
}

/**
 * Changes a KPI's definition; its region stays (its values belong to that region). A COMPUTED
 * KPI keeps a formula (a new one replaces it); one made ENTERED drops it.
 */
export async function updateKpi(access: Access, { id: globalId, version, definition, ...fields }: UpdateKpiData) {
  assertAdmin(access);
  const id = fromGlobalId("Kpi", globalId, "input.id");
  return change("KPI", async (tx) => {
    const before = await tx.kpi.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("KPI");
    const source = fields.source ?? before.source;
    if (source === "ENTERED" && definition) {
      throw ValidationError.of("input.definition", "KPI_ENTERED_NO_FORMULA");
    }
    if (source === "COMPUTED" && !definition && before.definition === null) {
      throw ValidationError.of("input.definition", "KPI_COMPUTED_NEEDS_FORMULA");
    }
    const data: Prisma.KpiUpdateManyMutationInput = { ...fields };
    if (definition) data.definition = definitionJson(await checkedDefinition(tx, definition));
    else if (source === "ENTERED" && before.definition !== null) data.definition = Prisma.DbNull;
    return updateFoundRow(tx, access, { entity: "Kpi", label: "KPI", before, version, data });
  });
}

// ── Values ──

/** Where a value is recorded: the KPI's region, a region of a federal KPI, or the country (null). */
async function valueRegion(
  tx: Tx,
  access: Access,
  kpi: { regionId: string | null },
  globalId: string | null | undefined,
) {
  const given = globalId ? fromGlobalId("Region", globalId, "input.regionId") : null;
  if (kpi.regionId && given && given !== kpi.regionId) {
    throw ValidationError.of("input.regionId", "KPI_REGIONAL_OWN_REGION");
  }
  const regionId = kpi.regionId ?? given;
  if (regionId === null) {
    if (access.write !== "all") throw new ForbiddenError("KPI_NATIONAL_ADMIN_ONLY");
    return null;
  }
  const region = await tx.region.findFirst({ where: { id: regionId, AND: [{ id: inRegions(access.read) }] } });
  if (!region) throw new NotFoundError("region");
  if (!includes(access.write, region.id)) throw new ForbiddenError("KPI_VALUE_OUTSIDE_REGIONS");
  return region.id;
}

/**
 * Records the value of an ENTERED KPI for a region (or the country) and period: one value per
 * KPI, region and period start, so recording again corrects it. `version`, when given, must be
 * the value's current one (a stale one gives ConflictError).
 */
export async function recordKpiValue(access: Access, data: RecordKpiValueData) {
  const kpiId = fromGlobalId("Kpi", data.kpiId, "input.kpiId");
  return change("KPI value", async (tx) => {
    // Serialises recordings of one KPI: a national value (null region) has no unique index to fall back on.
    await tx.$queryRaw`SELECT 1 FROM "Kpi" WHERE "id" = ${kpiId}::uuid FOR UPDATE`;
    const kpi = await tx.kpi.findFirst({ where: { id: kpiId, AND: [kpiScope(access)] } });
    if (!kpi) throw new NotFoundError("KPI");
    if (kpi.source !== "ENTERED") {
      throw ValidationError.of("input.kpiId", "KPI_COMPUTED_NOT_ENTERED");
    }
    const regionId = await valueRegion(tx, access, kpi, data.regionId);
    const fields = { periodEnd: data.periodEnd, value: data.value, source: "ENTERED" as const };
    const before = await tx.kpiValue.findFirst({ where: { kpiId, regionId, periodStart: data.periodStart } });
    let after: Awaited<ReturnType<typeof tx.kpiValue.findUniqueOrThrow>>;
    if (before) {
      const version = data.version ?? before.version;
      const result = await tx.kpiValue.updateMany({
        where: { id: before.id, version },
        data: { ...fields, version: { increment: 1 } },
      });
      assertUpdated(result.count, before, "KPI value", version);
      after = await tx.kpiValue.findUniqueOrThrow({ where: { id: before.id } });
    } else {
      after = await tx.kpiValue.create({ data: { ...fields, kpiId, regionId, periodStart: data.periodStart } });
    }
    await log(tx, access, {
      entity: "KpiValue",
      entityId: after.id,
      action: before ? "UPDATE" : "CREATE",
      regionId,
      before,
      after,
      note: { kpi: kpi.code },
    });
    return after;
  });
}
