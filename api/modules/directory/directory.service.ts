// The public curator directory: who answers for a service in a region or municipality, as a
// citizen may see it on the service's page (seed 002: the coordinator's photo on the page of
// the service). Only what a person agreed to publish leaves here: the photo with photo
// consent, the email and phone with contacts consent; nothing of an archived person and
// nothing of a period that has ended or not yet begun.
import type { LifeSituation, Prisma, Service } from "../../generated/prisma/client.js";
import { type Access, inRegions } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import { NotFoundError, ValidationError } from "../../lib/errors.js";
import { escapeLike, fromGlobalId } from "../../lib/ids.js";
import { serviceScope } from "../../lib/scopes.js";
import type { RecordQuery } from "../../lib/selection.js";
import { fullName, photoPublishable } from "../people/people.service.js";
import type { CuratorDirectoryData, ServiceCuratorsData } from "./directory.inputs.js";
import { publicPhotoUrl } from "./public-photos.js";

/** What the directory publishes of a person, whatever they are responsible for. */
export interface PublishedPerson {
  fullName: string;
  position: string | null;
  organisation: string | null;
  photoUrl: string | null;
  email: string | null;
  phone: string | null;
}

export type CuratorLevel = "REGION" | "MUNICIPALITY";

/** A current primary curator as the directory shows them. */
export interface PublicCurator extends PublishedPerson {
  level: CuratorLevel;
  municipality: string | null;
  since: Date;
}

export interface LifeSituationCurator {
  lifeSituation: LifeSituation;
  curator: PublicCurator | null;
}

/** A service's curators in a region (and municipality). */
export interface ServiceCurators {
  service: Service;
  /** The municipality's curator where one is named there, else the region's. */
  curator: PublicCurator | null;
  regionCurator: PublicCurator | null;
  lifeSituations: LifeSituationCurator[];
}

/**
 * How the services and life situations handed on are read: the GraphQL selection below them
 * (lib/selection.ts, recordQuery), so Pothos reads none of them again one by one.
 */
export interface EntryQueries {
  service: RecordQuery;
  lifeSituation: RecordQuery;
}

/** Where the directory is read: a region and, optionally, one of its municipalities. */
interface Place {
  regionId: string;
  municipalityId: string | null;
}

export const PERSON_PUBLIC_SELECT = {
  lastName: true,
  firstName: true,
  middleName: true,
  position: true,
  email: true,
  phone: true,
  photoConsent: true,
  contactsConsent: true,
  archivedAt: true,
  photo: { select: { id: true, bucket: true, key: true, status: true } },
  organisation: { select: { name: true } },
} satisfies Prisma.PersonSelect;

type PublicPersonRow = Prisma.PersonGetPayload<{ select: typeof PERSON_PUBLIC_SELECT }>;

/** What the directory publishes of a person; null for an archived one. */
export function publishedPerson(person: PublicPersonRow, origin: string | null): PublishedPerson | null {
  if (person.archivedAt) return null;
  const photo = photoPublishable(person) && person.photo ? publicPhotoUrl(person.photo.id, origin) : null;
  return {
    fullName: fullName(person),
    position: person.position,
    organisation: person.organisation?.name ?? null,
    photoUrl: photo,
    email: person.contactsConsent ? person.email : null,
    phone: person.contactsConsent ? person.phone : null,
  };
}

const ASSIGNMENT_SELECT = {
  serviceId: true,
  lifeSituationId: true,
  municipalityId: true,
  validFrom: true,
  municipality: { select: { name: true } },
  person: { select: PERSON_PUBLIC_SELECT },
} satisfies Prisma.CuratorAssignmentSelect;

type AssignmentRow = Prisma.CuratorAssignmentGetPayload<{ select: typeof ASSIGNMENT_SELECT }>;

/** Today as the calendar day periods are kept in. */
function today(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Primary periods running today in the place (the region's own and the municipality's), of people not archived. */
function currentIn(place: Place): Prisma.CuratorAssignmentWhereInput {
  const day = today();
  return {
    regionId: place.regionId,
    primary: true,
    validFrom: { lte: day },
    AND: [
      { OR: [{ validTo: null }, { validTo: { gte: day } }] },
      { OR: [{ municipalityId: null }, ...(place.municipalityId ? [{ municipalityId: place.municipalityId }] : [])] },
    ],
    person: { archivedAt: null },
  };
}

/** Newest first, so the first row of a post is the one in charge. */
const NEWEST: Prisma.CuratorAssignmentOrderByWithRelationInput[] = [{ validFrom: "desc" }, { createdAt: "desc" }];

function toPublic(row: AssignmentRow, origin: string | null): PublicCurator | null {
  const person = publishedPerson(row.person, origin);
  if (!person) return null;
  return {
    ...person,
    level: row.municipalityId ? "MUNICIPALITY" : "REGION",
    municipality: row.municipality?.name ?? null,
    since: row.validFrom,
  };
}

/** The municipality's curator of a target where one is named, and the region's. */
function curatorsOf(rows: AssignmentRow[], origin: string | null) {
  const regional = rows.find((row) => row.municipalityId === null);
  const municipal = rows.find((row) => row.municipalityId !== null);
  const regionCurator = regional ? toPublic(regional, origin) : null;
  return { curator: (municipal ? toPublic(municipal, origin) : null) ?? regionCurator, regionCurator };
}

function groupBy<T>(rows: T[], key: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const value = key(row);
    if (value !== null) groups.set(value, [...(groups.get(value) ?? []), row]);
  }
  return groups;
}

/** The curators of services in a place: three statements for the whole page. */
async function curatorsOfServices(
  services: Service[],
  place: Place,
  origin: string | null,
  lifeSituationQuery: RecordQuery,
) {
  const ids = services.map((service) => service.id);
  const [serviceRows, links] = await Promise.all([
    prisma.curatorAssignment.findMany({
      where: { ...currentIn(place), targetType: "SERVICE", serviceId: { in: ids } },
      select: ASSIGNMENT_SELECT,
      orderBy: NEWEST,
    }),
    prisma.lifeSituationService.findMany({
      where: {
        serviceId: { in: ids },
        lifeSituation: { status: "PUBLISHED", OR: [{ regionId: null }, { regionId: place.regionId }] },
      },
      select: {
        serviceId: true,
        lifeSituation: Object.keys(lifeSituationQuery).length > 0 ? lifeSituationQuery : true,
      },
      orderBy: [{ lifeSituation: { name: "asc" } }, { lifeSituationId: "asc" }],
    }),
  ]);
  const situationIds = [...new Set(links.map((link) => link.lifeSituation.id))];
  const situationRows = situationIds.length
    ? await prisma.curatorAssignment.findMany({
        where: { ...currentIn(place), targetType: "LIFE_SITUATION", lifeSituationId: { in: situationIds } },
        select: ASSIGNMENT_SELECT,
        orderBy: NEWEST,
      })
    : [];
  const byService = groupBy(serviceRows, (row) => row.serviceId);
  const bySituation = groupBy(situationRows, (row) => row.lifeSituationId);
  const linksOf = groupBy(links, (link) => link.serviceId);
  return services.map(
    (service): ServiceCurators => ({
      service,
      ...curatorsOf(byService.get(service.id) ?? [], origin),
      lifeSituations: (linksOf.get(service.id) ?? []).map(({ lifeSituation }) => ({
        lifeSituation,
        curator: curatorsOf(bySituation.get(lifeSituation.id) ?? [], origin).curator,
      })),
    }),
  );
}

/** A region the caller reads (else not found) and, if given, one of its municipalities. */
async function placeOf(
  access: Access,
  regionId: string,
  municipalityGlobalId: string | null | undefined,
  regionField: string,
): Promise<Place> {
  const region = await prisma.region.findFirst({
    where: { id: regionId, AND: [{ id: inRegions(access.read) }] },
    select: { id: true },
  });
  if (!region) throw new NotFoundError("region");
  if (!municipalityGlobalId) return { regionId: region.id, municipalityId: null };
  const municipality = await prisma.municipality.findUnique({
    where: { id: fromGlobalId("Municipality", municipalityGlobalId, "input.municipalityId") },
    select: { id: true, regionId: true },
  });
  if (!municipality) throw new NotFoundError("municipality");
  if (municipality.regionId !== region.id) {
    throw ValidationError.of("input.municipalityId", "MUNICIPALITY_OUTSIDE_REGION_GIVEN", { field: regionField });
  }
  return { regionId: region.id, municipalityId: municipality.id };
}

/** One service's curators: in its own region, or (federal) in the region asked for. */
export async function serviceCurators(
  access: Access,
  input: ServiceCuratorsData,
  origin: string | null,
  queries: EntryQueries,
): Promise<ServiceCurators> {
  const service = (await prisma.service.findFirst({
    ...queries.service,
    where: { id: fromGlobalId("Service", input.serviceId, "input.serviceId"), AND: [serviceScope(access)] },
  })) as Service | null;
  if (!service) throw new NotFoundError("service");
  const asked = input.regionId ? fromGlobalId("Region", input.regionId, "input.regionId") : null;
  if (asked && service.regionId && asked !== service.regionId) {
    throw ValidationError.of("input.regionId", "SERVICE_OF_OTHER_REGION");
  }
  const regionId = asked ?? service.regionId;
  if (!regionId) {
    throw ValidationError.of("input.regionId", "FEDERAL_SERVICE_NEEDS_REGION");
  }
  const place = await placeOf(access, regionId, input.municipalityId, "the service's region");
  const [curators] = await curatorsOfServices([service], place, origin, queries.lifeSituation);
  return curators as ServiceCurators;
}

export type DirectoryPage = { place: Place; where: Prisma.ServiceWhereInput };

/** The services of a region's directory: its own and the federal ones, published. */
export async function directoryPage(access: Access, input: CuratorDirectoryData): Promise<DirectoryPage> {
  const regionId = fromGlobalId("Region", input.regionId, "input.regionId");
  const place = await placeOf(access, regionId, input.municipalityId, "input.regionId");
  const like = input.search ? escapeLike(input.search) : null;
  const where: Prisma.ServiceWhereInput = {
    AND: [
      serviceScope(access),
      { status: "PUBLISHED", OR: [{ regionId: place.regionId }, { regionId: null }] },
      input.socialSignificantOnly ? { socialSignificant: true } : {},
      like
        ? {
            OR: [
              { name: { contains: like, mode: "insensitive" } },
              { shortName: { contains: like, mode: "insensitive" } },
            ],
          }
        : {},
    ],
  };
  return { place, where };
}

/** One page of a directory: services by name, with their curators. */
export async function directoryEntries(
  page: DirectoryPage,
  window: { offset: number; limit: number },
  origin: string | null,
  queries: EntryQueries,
): Promise<ServiceCurators[]> {
  const services = (await prisma.service.findMany({
    ...queries.service,
    where: page.where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: window.offset,
    take: window.limit,
  })) as Service[];
  return services.length ? curatorsOfServices(services, page.place, origin, queries.lifeSituation) : [];
}

export function directoryCount(page: DirectoryPage): Promise<number> {
  return prisma.service.count({ where: page.where });
}
