import { builder } from "../../builder.js";
import { ServiceLevel } from "../../generated/prisma/client.js";
import { includes, regionOrFederal } from "../../lib/access.js";
import { safeUuid } from "../../lib/ids.js";

export const ServiceLevelEnum = builder.enumType(ServiceLevel, { name: "ServiceLevel" });

export const Service = builder.prismaNode("Service", {
  id: { field: "id" },
  findUnique: (id, ctx) => ({ id: safeUuid(id), ...regionOrFederal(ctx.access.read) }),
  authScopes: (service, ctx) => service.regionId === null || includes(ctx.access.read, service.regionId),
  fields: (t) => ({
    registryId: t.exposeString("registryId", { nullable: true }),
    name: t.exposeString("name"),
    level: t.expose("level", { type: ServiceLevelEnum }),
    socialSignificant: t.exposeBoolean("socialSignificant"),
    electronic: t.exposeBoolean("electronic"),
    proactive: t.exposeBoolean("proactive"),
    version: t.exposeInt("version"),
  }),
});
