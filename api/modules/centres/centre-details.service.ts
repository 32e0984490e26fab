// A centre's opening-hour exceptions and a mobile office's visits: small records that
// belong to one centre and follow its write scope.
import type { Access } from "../../lib/access.js";
import { assertWritable, includes, inRegions } from "../../lib/access.js";
import { assertUpdated, change, log, saveVersion, type Tx } from "../../lib/change.js";
import { NotFoundError, ValidationError } from "../../lib/errors.js";
import { fromGlobalId } from "../../lib/ids.js";
import {
  type AddExceptionData,
  exceptionIssue,
  type RecordVisitData,
  type UpdateExceptionData,
  type UpdateVisitData,
} from "./centre-details.inputs.js";
import { writableCentre } from "./centres.service.js";

export async function addHoursException(access: Access, data: AddExceptionData) {
  return change("opening hours exception", async (tx) => {
    const centre = await writableCentre(tx, access, data.centreId);
    const { centreId: _c, ...fields } = data;
    const row = await tx.openingHoursException.create({
      data: {
        ...fields,
        opens: data.closed ? null : data.opens,
        closes: data.closed ? null : data.closes,
        centreId: centre.id,
      },
    });
    await log(tx, access, {
      entity: "OpeningHoursException",
      entityId: row.id,
      action: "CREATE",
      regionId: centre.regionId,
      after: row,
    });
    return row;
  });
}

/**
 * Deletes a centre's detail if nobody saved it since the version read (else Conflict or
 * NotFound), and logs the deletion (of `logged`, else the row) under the centre's region.
 */
async function deleteAtVersion(
  tx: Tx,
  access: Access,
  detail: {
    entity: "OpeningHoursException" | "MobileVisit";
    label: string;
    before: { id: string; version: number };
    version: number;
    regionId: string;
    logged?: object;
    deleteMany: (where: { id: string; version: number }) => Promise<{ count: number }>;
  },
): Promise<void> {
  const { entity, label, before, version, regionId } = detail;
  const result = await detail.deleteMany({ id: before.id, version });
  assertUpdated(result.count, before, label, version);
  await log(tx, access, { entity, entityId: before.id, action: "DELETE", regionId, before: detail.logged ?? before });
}

async function writableException(tx: Tx, access: Access, globalId: string) {
  const id = fromGlobalId("OpeningHoursException", globalId, "input.id");
  const row = await tx.openingHoursException.findFirst({
    where: { id, centre: { regionId: inRegions(access.read) } },
    include: { centre: true },
  });
  if (!row) throw new NotFoundError("opening hours exception");
  assertWritable(access, row.centre.regionId, "centre");
  return row;
}

export async function updateHoursException(access: Access, data: UpdateExceptionData) {
  return change("opening hours exception", async (tx) => {
    const { centre, ...before } = await writableException(tx, access, data.id);
    const { id: _i, version, ...fields } = data;
    const merged = { ...before, ...fields };
    const issue = exceptionIssue(merged);
    if (issue) throw ValidationError.of(`input.${issue.field}`, issue.code);
    return saveVersion(tx, access, {
      entity: "OpeningHoursException",
      label: "opening hours exception",
      before,
      version,
      action: "UPDATE",
      update: (where) =>
        tx.openingHoursException.updateMany({
          where,
          data: { ...fields, ...(merged.closed ? { opens: null, closes: null } : {}), version: { increment: 1 } },
        }),
      reload: () => tx.openingHoursException.findUniqueOrThrow({ where: { id: before.id } }),
      regionOf: () => centre.regionId,
    });
  });
}

export async function removeHoursException(access: Access, input: { id: string; version: number }) {
  return change("opening hours exception", async (tx) => {
    const { centre, ...before } = await writableException(tx, access, input.id);
    await deleteAtVersion(tx, access, {
      entity: "OpeningHoursException",
      label: "opening hours exception",
      before,
      version: input.version,
      regionId: centre.regionId,
      deleteMany: (where) => tx.openingHoursException.deleteMany({ where }),
    });
    return before;
  });
}

async function visitSettlement(tx: Tx, access: Access, globalId: string, regionId: string) {
  const settlement = await tx.settlement.findUnique({
    where: { id: fromGlobalId("Settlement", globalId, "input.settlementId") },
    include: { municipality: true },
  });
  if (!settlement || !includes(access.read, settlement.municipality.regionId)) throw new NotFoundError("settlement");
  if (settlement.municipality.regionId !== regionId)
    throw ValidationError.of("input.settlementId", "SETTLEMENT_OUTSIDE_CENTRE_REGION");
  return settlement;
}

export async function recordMobileVisit(access: Access, data: RecordVisitData) {
  return change("mobile visit", async (tx) => {
    const centre = await writableCentre(tx, access, data.centreId);
    if (!centre.kinds.includes("MOBILE_OFFICE")) throw ValidationError.of("input.centreId", "MOBILE_OFFICE_ONLY");
    const settlement = await visitSettlement(tx, access, data.settlementId, centre.regionId);
    const visit = await tx.mobileVisit.create({
      data: {
        centreId: centre.id,
        settlementId: settlement.id,
        visitedOn: data.visitedOn,
        peopleServed: data.peopleServed,
        note: data.note ?? null,
        documents: { create: data.documents },
      },
      include: { documents: true },
    });
    await log(tx, access, {
      entity: "MobileVisit",
      entityId: visit.id,
      action: "CREATE",
      regionId: centre.regionId,
      after: { ...visit, documents: data.documents },
    });
    return visit;
  });
}

async function writableVisit(tx: Tx, access: Access, globalId: string) {
  const id = fromGlobalId("MobileVisit", globalId, "input.id");
  const visit = await tx.mobileVisit.findFirst({
    where: { id, centre: { regionId: inRegions(access.read) } },
    include: { centre: true, documents: true },
  });
  if (!visit) throw new NotFoundError("mobile visit");
  assertWritable(access, visit.centre.regionId, "mobile visit");
  return visit;
}

const docsOf = (docs: { documentType: string; count: number }[]) =>
  docs.map((d) => `${d.documentType}: ${d.count}`).sort();

export async function updateMobileVisit(access: Access, data: UpdateVisitData) {
  return change("mobile visit", async (tx) => {
    const { centre, documents, ...before } = await writableVisit(tx, access, data.id);
    const { id: _i, version, documents: newDocuments, settlementId, ...fields } = data;
    const settlement = settlementId ? await visitSettlement(tx, access, settlementId, centre.regionId) : null;
    const result = await tx.mobileVisit.updateMany({
      where: { id: before.id, version },
      data: { ...fields, ...(settlement ? { settlementId: settlement.id } : {}), version: { increment: 1 } },
    });
    assertUpdated(result.count, before, "mobile visit", version);
    if (newDocuments) {
      await tx.mobileVisitDocument.deleteMany({ where: { visitId: before.id } });
      await tx.mobileVisitDocument.createMany({ data: newDocuments.map((d) => ({ ...d, visitId: before.id })) });
    }
    const after = await tx.mobileVisit.findUniqueOrThrow({ where: { id: before.id }, include: { documents: true } });
    await log(tx, access, {
      entity: "MobileVisit",
      entityId: before.id,
      action: "UPDATE",
      regionId: centre.regionId,
      before: { ...before, documents: docsOf(documents) },
      after: { ...after, documents: docsOf(after.documents) },
    });
    return after;
  });
}

export async function removeMobileVisit(access: Access, input: { id: string; version: number }) {
  return change("mobile visit", async (tx) => {
    const { centre, documents, ...before } = await writableVisit(tx, access, input.id);
    await deleteAtVersion(tx, access, {
      entity: "MobileVisit",
      label: "mobile visit",
      before,
      version: input.version,
      regionId: centre.regionId,
      logged: { ...before, documents: docsOf(documents) },
      deleteMany: (where) => tx.mobileVisit.deleteMany({ where }),
    });
    return before;
  });
}
