import { builder, MAX_PAGE_SIZE } from "../../builder.js";
import type { Centre as CentreRow } from "../../generated/prisma/client.js";
import { includes } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import { NotFoundError } from "../../lib/errors.js";
import { fromGlobalId } from "../../lib/ids.js";
import { asksOnlyColumns } from "../../lib/selection.js";
import { Centre } from "../centres/centres.schema.js";
import { centresNear, isCentreColumn, regionStatistics, type StatisticRow } from "./partners.service.js";

/** Distances of the centres one `centresNear` answer returned, keyed by the row objects. */
const distances = new WeakMap<object, number>();

builder.objectField(Centre, "distanceKm", (t) =>
  t.float({
    nullable: true,
    description: "Distance from the point given to `centresNear`, in km; null elsewhere.",
    resolve: (centre) => {
      const km = distances.get(centre);
      return km === undefined ? null : Math.round(km * 100) / 100;
    },
  }),
);

builder.queryField("centresNear", (t) =>
  t.prismaField({
    type: ["Centre"],
    description: "Centres that help with a service, nearest first, within a radius of a point.",
    authScopes: { staff: true, partner: "registry:read" },
    args: {
      serviceId: t.arg.id({ required: true }),
      latitude: t.arg.float({ required: true }),
      longitude: t.arg.float({ required: true }),
      radiusKm: t.arg.float({ required: true, description: "At most 1000." }),
      first: t.arg.int({ required: false, description: `At most ${MAX_PAGE_SIZE}; 20 by default.` }),
    },
    resolve: async (query, _root, args, ctx) => {
      const serviceId = fromGlobalId("Service", String(args.serviceId), "serviceId");
      const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, args.first ?? 20));
      // What the selection needs of each centre: when that is only the centre's own columns
      // (the usual id, name, address), the search reads them in its one statement;
      // anything more (a relation, a count) is read by Prisma after it.
      const columns = Object.keys((query as { select?: Record<string, unknown> }).select ?? {});
      const inOne = columns.length > 0 && asksOnlyColumns(query, isCentreColumn);
      const near = await centresNear(ctx.access, { ...args, serviceId, limit, columns: inOne ? columns : [] });
      if (!near) throw new NotFoundError("service");
      if (near.length === 0) return [];
      if (inOne) {
        return near.map(({ row, km }) => {
          const centre = row as CentreRow;
          distances.set(centre, km);
          return centre;
        });
      }
      const rows = await prisma.centre.findMany({ ...query, where: { id: { in: near.map((n) => n.id) } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return near.flatMap(({ id, km }) => {
        const row = byId.get(id) as CentreRow | undefined;
        if (!row) return [];
        distances.set(row, km);
        return [row];
      });
    },
  }),
);

const RegionStatistic = builder.objectRef<StatisticRow>("RegionStatistic").implement({
  description: "A published figure of a region for one year and indicator.",
  fields: (t) => ({
    year: t.exposeInt("year"),
    indicatorCode: t.exposeString("indicatorCode"),
    indicatorName: t.exposeString("indicatorName"),
    unit: t.exposeString("unit"),
    total: t.exposeInt("total"),
    rural: t.exposeInt("rural", { nullable: true }),
  }),
});

builder.queryField("regionStatistics", (t) =>
  t.field({
    type: [RegionStatistic],
    description: "A region's published statistics (approved reports marked published), per year and indicator.",
    authScopes: { staff: true, partner: "statistics:read" },
    args: {
      regionId: t.arg.id({ required: true }),
      fromYear: t.arg.int({ required: true }),
      toYear: t.arg.int({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const regionId = fromGlobalId("Region", String(args.regionId), "regionId");
      if (!includes(ctx.access.read, regionId)) throw new NotFoundError("region");
      return regionStatistics(regionId, args.fromYear, args.toYear);
    },
  }),
);
