import type { Prisma } from "../../generated/prisma/client.js";
import { type Access, assertWritable, includes, inRegions } from "../../lib/access.js";
import { change, log, saveArchived, saveRow, type Tx } from "../../lib/change.js";
import { NotFoundError, ValidationError } from "../../lib/errors.js";
import { archivedIfAsked, inRegionOf } from "../../lib/filters.js";
import { escapeLike, fromGlobalId } from "../../lib/ids.js";
import { writableRow } from "../../lib/rows.js";
import type { CreateOrganisationData, OrganisationFilterData, UpdateOrganisationData } from "./organisations.inputs.js";

export function organisationWhere(
  access: Access,
  filter?: OrganisationFilterData | null,
): Prisma.OrganisationWhereInput {
  const search = filter?.search?.trim();
  return {
    // Partners never see archived organisations, as with centres.
    ...archivedIfAsked(access, filter),
    AND: [{ regionId: inRegions(access.read) }],
    ...inRegionOf(filter),
    ...(filter?.kind ? { kind: filter.kind } : {}),
    ...(search
      ? {
          OR: [
            { name: { contains: escapeLike(search), mode: "insensitive" } },
            { shortName: { contains: escapeLike(search), mode: "insensitive" } },
            { inn: search },
          ],
        }
      : {}),
  };
}

// ── Changes ──

async function municipalityIn(tx: Tx, regionId: string, globalId: string | null | undefined) {
  if (!globalId) return null;
  const municipality = await tx.municipality.findUnique({
    where: { id: fromGlobalId("Municipality", globalId, "input.municipalityId") },
  });
  if (!municipality || municipality.regionId !== regionId) {
    throw ValidationError.of("input.municipalityId", "MUNICIPALITY_OUTSIDE_ORGANISATION_REGION");
  }
  return municipality.id;
}

export async function createOrganisation(
  access: Access,
  { regionId: regionGlobalId, municipalityId, ...data }: CreateOrganisationData,
) {
  const regionId = fromGlobalId("Region", regionGlobalId, "input.regionId");
  if (!includes(access.read, regionId)) throw new NotFoundError("region");
  assertWritable(access, regionId, "organisation");
  return change("organisation", async (tx) => {
    const row = await tx.organisation.create({
      data: { ...data, regionId, municipalityId: await municipalityIn(tx, regionId, municipalityId) },
    });
    await log(tx, access, { entity: "Organisation", entityId: row.id, action: "CREATE", regionId, after: row });
    return row;
  });
}

async function writableOrganisation(tx: Tx, access: Access, globalId: string) {
  const id = fromGlobalId("Organisation", globalId, "input.id");
  const row = await tx.organisation.findFirst({ where: { id, regionId: inRegions(access.read) } });
  return writableRow(access, "organisation", row);
}

export async function updateOrganisation(access: Access, data: UpdateOrganisationData) {
  return change("organisation", async (tx) => {
    const before = await writableOrganisation(tx, access, data.id);
    const { id: _i, version, municipalityId, ...fields } = data;
    const municipality =
      municipalityId === undefined ? {} : { municipalityId: await municipalityIn(tx, before.regionId, municipalityId) };
    const changes = { ...fields, ...municipality };
    return saveRow(tx, access, {
      entity: "Organisation",
      label: "organisation",
      before,
      version,
      action: "UPDATE",
      data: changes,
    });
  });
}

/** An organisation still hosting active centres cannot be archived: they would lose their host. */
export async function setOrganisationArchived(
  access: Access,
  input: { id: string; version: number },
  archived: boolean,
) {
  return change("organisation", async (tx) => {
    const before = await writableOrganisation(tx, access, input.id);
    if (archived && (await tx.centre.count({ where: { hostOrganisationId: before.id, archivedAt: null } })) > 0) {
      throw ValidationError.of("input.id", "ORGANISATION_HOSTS_CENTRES");
    }
    const { version } = input;
    return saveArchived(tx, access, { entity: "Organisation", label: "organisation", before, version, archived });
  });
}
