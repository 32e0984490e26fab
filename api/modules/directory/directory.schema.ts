// The public curator directory for partner apps (published catalogue, what people agreed to
// publish of themselves) and what it shows of a person in the admin.
import { resolveOffsetConnection } from "@pothos/plugin-relay";
import { builder, MAX_PAGE_SIZE } from "../../builder.js";
import type { Context } from "../../context.js";
import { zodInput } from "../../inputs.js";
import { recordQuery } from "../../lib/selection.js";
import { LifeSituation } from "../life-situations/life-situations.schema.js";
import { Service } from "../services/services.schema.js";
import { curatorDirectorySchema, serviceCuratorsSchema } from "./directory.inputs.js";
import {
  type CuratorLevel,
  type DirectoryPage,
  directoryCount,
  directoryEntries,
  directoryPage,
  type LifeSituationCurator,
  PERSON_PUBLIC_SELECT,
  type PublicCurator,
  type PublishedPerson,
  publishedPerson,
  type ServiceCurators,
  serviceCurators,
} from "./directory.service.js";
import { PHOTO_MAX_AGE_SECONDS } from "./public-photos.js";

/** The origin the request came to, on which photo URLs are built unless one is configured. */
function originOf(ctx: Context): string | null {
  const url = (ctx as Context & { request?: Request }).request?.url;
  return url ? new URL(url).origin : null;
}

const CuratorLevelEnum = builder.enumType("CuratorLevel", {
  description: "Whose curator: the region's own, or a municipality's.",
  values: ["REGION", "MUNICIPALITY"] as const satisfies readonly CuratorLevel[],
});

const PHOTO_URL = `A stable URL of the photo a public page may embed (cached up to ${PHOTO_MAX_AGE_SECONDS / 60} minutes); null without consent to its publication or without a verified photo.`;
const CONTACT = "Only with the person's consent to publish their contacts; null otherwise.";

/** What is published of a person wherever they are shown: a directory entry and a person's card. */
const PublicPersonRef = builder.interfaceRef<PublishedPerson>("PublicPerson").implement({
  description: "What the public curator directory publishes of a person: never more than they agreed to.",
  fields: (t) => ({
    fullName: t.exposeString("fullName"),
    position: t.exposeString("position", { nullable: true }),
    organisation: t.exposeString("organisation", { nullable: true, description: "The organisation's name." }),
    photoUrl: t.exposeString("photoUrl", { nullable: true, description: PHOTO_URL }),
    email: t.exposeString("email", { nullable: true, description: CONTACT }),
    phone: t.exposeString("phone", { nullable: true, description: CONTACT }),
  }),
});

const PublishedPersonRef = builder.objectRef<PublishedPerson>("PublishedPerson").implement({
  description: "What the public curator directory publishes of a person.",
  interfaces: [PublicPersonRef],
});

const PublicCuratorRef = builder.objectRef<PublicCurator>("PublicCurator").implement({
  description: "A current primary curator, as a public page may show them (not the internal Person record).",
  interfaces: [PublicPersonRef],
  fields: (t) => ({
    level: t.expose("level", { type: CuratorLevelEnum }),
    municipality: t.exposeString("municipality", {
      nullable: true,
      description: "The municipality's name for a municipal curator.",
    }),
    since: t.expose("since", { type: "Date", description: "First day in charge." }),
  }),
});

const LifeSituationCuratorRef = builder.objectRef<LifeSituationCurator>("LifeSituationCurator").implement({
  description: "A published life situation containing the service, and its current primary curator.",
  fields: (t) => ({
    lifeSituation: t.field({ type: LifeSituation, resolve: (entry) => entry.lifeSituation }),
    curator: t.field({ type: PublicCuratorRef, nullable: true, resolve: (entry) => entry.curator }),
  }),
});

const ServiceCuratorsRef = builder.objectRef<ServiceCurators>("ServiceCurators").implement({
  description: "Who answers for a service in a region or municipality.",
  fields: (t) => ({
    service: t.field({ type: Service, resolve: (entry) => entry.service }),
    curator: t.field({
      type: PublicCuratorRef,
      nullable: true,
      description: "The municipality's curator where one is named there, else the region's.",
      resolve: (entry) => entry.curator,
    }),
    regionCurator: t.field({
      type: PublicCuratorRef,
      nullable: true,
      description: "The region's own curator of the service.",
      resolve: (entry) => entry.regionCurator,
    }),
    lifeSituations: t.field({
      type: [LifeSituationCuratorRef],
      description: "Published life situations containing the service, by name, with their curators.",
      resolve: (entry) => entry.lifeSituations,
    }),
  }),
});

const ServiceCuratorsInput = zodInput("ServiceCuratorsInput", serviceCuratorsSchema);
const CuratorDirectoryInput = zodInput("CuratorDirectoryInput", curatorDirectorySchema);

/** A directory connection carries its page, so totalCount counts only when asked. */
type DirectoryConnection = { page: DirectoryPage };

builder.queryFields((t) => ({
  serviceCurators: t.field({
    type: ServiceCuratorsRef,
    description:
      "The current curators of a service in a region (a federal service needs `regionId`) and, optionally, a municipality, as a public page shows them.",
    authScopes: { staff: true, partner: "registry:read" },
    args: { input: t.arg({ type: ServiceCuratorsInput, required: true }) },
    resolve: (_root, args, ctx, info) =>
      serviceCurators(ctx.access, args.input, originOf(ctx), {
        service: recordQuery(ctx, info, "Service", "service"),
        lifeSituation: recordQuery(ctx, info, "LifeSituation", "lifeSituations", "lifeSituation"),
      }),
  }),
  curatorDirectory: t.connection(
    {
      type: ServiceCuratorsRef,
      description:
        "A region's published services (federal ones included), by name, each with its current curators: a page of all services and who answers for them.",
      authScopes: { staff: true, partner: "registry:read" },
      args: { input: t.arg({ type: CuratorDirectoryInput, required: true }) },
      resolve: async (_root, args, ctx, info) => {
        const page = await directoryPage(ctx.access, args.input);
        const queries = {
          service: recordQuery(ctx, info, "Service", "edges", "node", "service"),
          lifeSituation: recordQuery(ctx, info, "LifeSituation", "edges", "node", "lifeSituations", "lifeSituation"),
        };
        const connection = await resolveOffsetConnection({ args, defaultSize: 20, maxSize: MAX_PAGE_SIZE }, (window) =>
          directoryEntries(page, window, originOf(ctx), queries),
        );
        return { ...connection, page };
      },
    },
    {
      fields: (c) => ({
        totalCount: c.int({
          resolve: (connection) => directoryCount((connection as unknown as DirectoryConnection).page),
        }),
      }),
    },
  ),
}));

builder.prismaObjectFields("Person", (t) => ({
  published: t.field({
    type: PublishedPersonRef,
    nullable: true,
    description:
      "What the public curator directory publishes of the person wherever they are a current primary curator; null when archived.",
    select: { ...PERSON_PUBLIC_SELECT },
    resolve: (person, _args, ctx) => publishedPerson(person, originOf(ctx)),
  }),
}));
