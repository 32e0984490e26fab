// The region's own code of an organisation, a centre or a service: what registry imports match
// rows on, so it is written and read like any field, unique within a region and free across
// regions, and an empty one means none.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../api/lib/db.js";
import { toGlobalId } from "../../api/lib/ids.js";
import { readCsv } from "../../api/modules/spreadsheets/sheet-files.js";
import { asUser, gql, mutate, useIdentity } from "../helpers/graphql.js";

let curator: Record<string, string>;
let admin: Record<string, string>;

async function place(code: string) {
  const settlement = await prisma.settlement.findFirstOrThrow({ where: { municipality: { region: { code } } } });
  const host = await prisma.organisation.findFirstOrThrow({ where: { region: { code } } });
  return {
    settlementId: toGlobalId("Settlement", settlement.id),
    hostOrganisationId: toGlobalId("Organisation", host.id),
  };
}

async function createCentre(code: string | null, region: string, headers = curator) {
  const input = { code, name: `ЦОД ${code ?? "без кода"}`, address: "ул. Советская, 1", kinds: ["PUBLIC_ACCESS"] };
  return mutate<{ id: string; code: string | null; version: number }>(
    "createCentre",
    "id code version",
    { ...input, ...(await place(region)) },
    { headers },
  );
}

beforeAll(async () => {
  curator = await asUser("curator@dostup.local");
  admin = await asUser("admin@dostup.local");
  useIdentity(curator);
});

describe("registry codes", () => {
  it("keeps a centre's code, refuses the same code twice in a region and allows it in another", async () => {
    const first = (await createCentre("  ЦОД-КОД-1 ", "67")).outcome;
    expect(first?.__typename).toBe("MutationCreateCentreSuccess");
    expect(first?.data?.code).toBe("ЦОД-КОД-1");

    const again = (await createCentre("ЦОД-КОД-1", "67")).outcome;
    expect(again?.__typename).toBe("ConflictError");
    expect(again?.message).toMatch(/code/);

    // Pskov is not the demo curator's region: an administrator creates it there.
    const elsewhere = (await createCentre("ЦОД-КОД-1", "60", admin)).outcome;
    expect(elsewhere?.__typename).toBe("MutationCreateCentreSuccess");
  });

  it("reads an empty code as none, so centres without codes never collide", async () => {
    const one = (await createCentre("", "67")).outcome;
    const two = (await createCentre("   ", "67")).outcome;
    expect([one?.data?.code, two?.data?.code]).toEqual([null, null]);
  });

  it("changes a code on update and lists it in the centres' CSV", async () => {
    const created = (await createCentre("ЦОД-КОД-2", "67")).outcome?.data;
    const { outcome } = await mutate<{ code: string | null }>("updateCentre", "code", {
      id: created?.id,
      version: created?.version,
      code: "ЦОД-КОД-3",
    });
    expect(outcome?.data?.code).toBe("ЦОД-КОД-3");
    const csv = await gql<{ centresCsv: string }>(`{ centresCsv(filter: { search: "ЦОД ЦОД-КОД-2" }) }`);
    const [header, ...rows] = readCsv(Buffer.from(csv.data?.centresCsv ?? "", "utf8"));
    const column = header?.indexOf("code") ?? -1;
    expect(column).toBeGreaterThan(-1);
    expect(rows.map((row) => row[column])).toEqual(["ЦОД-КОД-3"]);
  });

  it("gives organisations and services a code the same way, and refuses one over 50 characters", async () => {
    const region = toGlobalId("Region", (await prisma.region.findUniqueOrThrow({ where: { code: "67" } })).id);
    const organisation = await mutate<{ code: string | null }>("createOrganisation", "code", {
      regionId: region,
      code: "БИБ-1",
      name: "Библиотека с кодом",
      kind: "LIBRARY",
    });
    expect(organisation.outcome?.data?.code).toBe("БИБ-1");
    const service = await mutate<{ code: string | null }>("createService", "code", {
      regionId: region,
      code: "УСЛ-1",
      name: "Услуга с кодом",
      level: "REGIONAL",
    });
    expect(service.outcome?.data?.code).toBe("УСЛ-1");
    const tooLong = await mutate("createService", "code", {
      regionId: region,
      code: "У".repeat(51),
      name: "Услуга с длинным кодом",
      level: "REGIONAL",
    });
    expect(tooLong.outcome?.issues).toEqual([{ field: "input.code", message: "At most 50 characters." }]);
  });
});
