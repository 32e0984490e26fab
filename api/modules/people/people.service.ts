import type { FileStatus, Prisma } from "../../generated/prisma/client.js";
import type { Access } from "../../lib/access.js";
import { change, log, saveArchived, saveVersion, type Tx } from "../../lib/change.js";
import { downloadUrl } from "../../lib/downloads.js";
import { ValidationError } from "../../lib/errors.js";
import { directionOf, inRegionOf, type OrderBy } from "../../lib/filters.js";
import { escapeLike, fromGlobalId } from "../../lib/ids.js";
import { writableRow } from "../../lib/rows.js";
import { internalRecordScope, writableRegion } from "../../lib/scopes.js";
import type { CreatePersonData, PersonFilterData, UpdatePersonData } from "./people.inputs.js";

// ───────────────────────────── People ─────────────────────────────

export type PersonOrderByInput = OrderBy<"NAME" | "CREATED_AT">;

/** People are personal data: administrators, curators and auditors of their region only. */
export function personScope(access: Access): Prisma.PersonWhereInput {
  return internalRecordScope(access);
}

export function personWhere(access: Access, filter?: PersonFilterData | null): Prisma.PersonWhereInput {
  // Every word must match some part of the name, so "Иванова Анна" finds Анна Иванова.
  const words = filter?.search?.trim().split(/\s+/).filter(Boolean) ?? [];
  return {
    AND: [
      personScope(access),
      filter?.includeArchived ? {} : { archivedAt: null },
      inRegionOf(filter),
      filter?.organisationId
        ? { organisationId: fromGlobalId("Organisation", filter.organisationId, "filter.organisationId") }
        : {},
      ...words.map((word) => {
        const contains = { contains: escapeLike(word), mode: "insensitive" as const };
        return { OR: [{ lastName: contains }, { firstName: contains }, { middleName: contains }] };
      }),
    ],
  };
}

export function personOrderBy(orderBy?: PersonOrderByInput | null): Prisma.PersonOrderByWithRelationInput[] {
  const direction = directionOf(orderBy);
  if (orderBy?.field === "CREATED_AT") return [{ createdAt: direction }, { id: direction }];
  return [{ lastName: direction }, { firstName: direction }, { middleName: direction }, { id: direction }];
}

export function fullName(person: { lastName: string; firstName: string; middleName: string | null }): string {
  return [person.lastName, person.firstName, person.middleName].filter(Boolean).join(" ");
}

/** An organisation of the person's region, or null when none is given. */
async function organisationIn(tx: Tx, organisationGlobalId: string | null | undefined, regionId: string) {
  if (!organisationGlobalId) return null;
  const organisation = await tx.organisation.findUnique({
    where: { id: fromGlobalId("Organisation", organisationGlobalId, "input.organisationId") },
  });
  if (!organisation || organisation.regionId !== regionId) {
    throw ValidationError.of("input.organisationId", "PERSON_ORGANISATION_OTHER_REGION");
  }
  return organisation;
}

/** The consents a person gives, each with the moment it was given (`<consent>At`). */
type Consent = "photoConsent" | "contactsConsent";
type Consents = { [C in Consent]: boolean } & { [C in Consent as `${C}At`]: Date | null };

/**
 * Giving a consent records when (kept while it stays given); withdrawing it forgets the date,
 * and the directory stops publishing what it covered.
 */
function consentStamp(consent: Consent, given: boolean | undefined, before: Consents | null) {
  if (given === undefined) return {};
  const at = `${consent}At` as const;
  if (!given) return { [consent]: false, [at]: null };
  return { [consent]: true, [at]: before?.[consent] ? before[at] : new Date() };
}

/** The stamps of every consent an input gives or withdraws. */
function consentStamps(given: { [C in Consent]?: boolean }, before: Consents | null): Partial<Consents> {
  return {
    ...consentStamp("photoConsent", given.photoConsent, before),
    ...consentStamp("contactsConsent", given.contactsConsent, before),
  };
}

/** A person the caller may change, read inside the transaction. */
async function writablePerson(tx: Tx, access: Access, personGlobalId: string) {
  const person = await tx.person.findFirst({
    where: { id: fromGlobalId("Person", personGlobalId, "input.id"), ...personScope(access) },
  });
  return writableRow(access, "person", person);
}

export async function createPerson(
  access: Access,
  { regionId, organisationId, photoConsent, contactsConsent, ...fields }: CreatePersonData,
) {
  return change("person", async (tx) => {
    const region = await writableRegion(tx, access, regionId, "person");
    const organisation = await organisationIn(tx, organisationId, region.id);
    const person = await tx.person.create({
      data: {
        ...fields,
        ...consentStamps({ photoConsent, contactsConsent }, null),
        regionId: region.id,
        organisationId: organisation?.id ?? null,
      },
    });
    await log(tx, access, {
      entity: "Person",
      entityId: person.id,
      action: "CREATE",
      regionId: person.regionId,
      after: person,
    });
    return person;
  });
}

export async function updatePerson(
  access: Access,
  { id, version, organisationId, photoConsent, contactsConsent, ...fields }: UpdatePersonData,
) {
  return change("person", async (tx) => {
    const before = await writablePerson(tx, access, id);
    const organisation =
      organisationId === undefined ? undefined : await organisationIn(tx, organisationId, before.regionId);
    return saveVersion(tx, access, {
      entity: "Person",
      label: "person",
      before,
      version,
      action: "UPDATE",
      update: (where) =>
        tx.person.updateMany({
          where,
          data: {
            ...fields,
            ...consentStamps({ photoConsent, contactsConsent }, before),
            ...(organisation === undefined ? {} : { organisationId: organisation?.id ?? null }),
            version: { increment: 1 },
          },
        }),
      reload: () => tx.person.findUniqueOrThrow({ where: { id: before.id } }),
      regionOf: (row) => row.regionId,
    });
  });
}

/** Archived people leave lists but keep their assignment history. */
export async function setPersonArchived(access: Access, input: { id: string; version: number }, archived: boolean) {
  return change("person", async (tx) => {
    const before = await writablePerson(tx, access, input.id);
    return saveArchived(tx, access, { entity: "Person", label: "person", before, version: input.version, archived });
  });
}

/** How long a photo URL works: long enough to render the page, short enough not to be shared. */
export const PHOTO_URL_TTL_SECONDS = 5 * 60;

export interface PhotoSource {
  photoConsent: boolean;
  photo: { bucket: string; key: string; status: FileStatus } | null;
}

/**
 * The photo is handed out only with the person's consent to its publication, and only once
 * the upload was verified (AVAILABLE).
 */
export function photoPublishable(person: PhotoSource): { bucket: string; key: string } | null {
  if (!person.photoConsent || !person.photo || person.photo.status !== "AVAILABLE") return null;
  return { bucket: person.photo.bucket, key: person.photo.key };
}

/**
 * A GET URL for the object, valid PHOTO_URL_TTL_SECONDS. Published photos are public by
 * the person's consent, so handing one out is not logged as a file access (report files are).
 */
async function presignedGetUrl(object: { bucket: string; key: string }): Promise<string | null> {
  // Through the download layer, like report files: the object carries the type verified
  // from its content, and the layer adds nosniff.
  return downloadUrl({ Bucket: object.bucket, Key: object.key }, { expiresIn: PHOTO_URL_TTL_SECONDS });
}

/** The photo's URL when the person consented to its publication and the upload was verified. */
export async function photoUrl(person: PhotoSource): Promise<string | null> {
  const object = photoPublishable(person);
  return object ? presignedGetUrl(object) : null;
}

export const PHOTO_SELECT = {
  photoConsent: true,
  photo: { select: { bucket: true, key: true, status: true } },
} as const;
