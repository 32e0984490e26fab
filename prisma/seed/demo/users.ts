// One demo account per role, all with the password "dostup" (hashed once by the caller).
// Staff accounts come before the centres (they verified the centres' entries); the
// operator comes after, because an operator belongs to a centre.
import { randomUUID } from "node:crypto";
import type { Prisma, UserRole } from "../../../api/generated/prisma/client.js";
import { createNameGenerator, createRandom } from "../generators.js";
import type { Centres } from "./centres.js";
import type { Geography } from "./geography.js";

export const DEMO_PASSWORD = "dostup";

/** The curator works in these regions (the Smolensk service catalogue and the Udmurtia reports). */
const CURATOR_REGIONS = ["67", "18"];

export interface StaffUsers {
  admin: string;
  curator: string;
  auditor: string;
  /** Who last checked a centre's entry: the curator in their regions, the administrator elsewhere. */
  verifier(regionCode: string): string;
}

export interface DemoUsers extends StaffUsers {
  operator: string;
  /** The Udmurtia centre the operator reports for. */
  operatorCentreId: string;
  list: { email: string; role: UserRole }[];
}

/** Full names of admin, curator, auditor and operator: the same on every run. */
function accountNames(): [string, string, string, string] {
  const next = createNameGenerator(createRandom(1_000_004));
  const fullName = () => {
    const name = next();
    return `${name.lastName} ${name.firstName} ${name.middleName}`;
  };
  return [fullName(), fullName(), fullName(), fullName()];
}

export async function seedStaffUsers(
  tx: Prisma.TransactionClient,
  geo: Geography,
  passwordHash: string,
): Promise<StaffUsers> {
  const ids = { admin: randomUUID(), curator: randomUUID(), auditor: randomUUID() };
  const [admin, curator, auditor] = accountNames();
  await tx.user.createMany({
    data: [
      { id: ids.admin, email: "admin@dostup.local", role: "ADMIN", passwordHash, fullName: admin },
      { id: ids.curator, email: "curator@dostup.local", role: "CURATOR", passwordHash, fullName: curator },
      {
        id: ids.auditor,
        email: "auditor@dostup.local",
        role: "AUDITOR",
        passwordHash,
        fullName: auditor,
        allRegions: true,
      },
    ],
  });
  await tx.userRegion.createMany({
    data: CURATOR_REGIONS.map((code) => ({ userId: ids.curator, regionId: geo.region(code).id })),
  });
  return { ...ids, verifier: (code) => (CURATOR_REGIONS.includes(code) ? ids.curator : ids.admin) };
}

export async function seedOperator(
  tx: Prisma.TransactionClient,
  centres: Centres,
  staff: StaffUsers,
  passwordHash: string,
): Promise<DemoUsers> {
  const operator = randomUUID();
  const operatorCentre = centres.flagship("18");
  await tx.user.create({
    data: {
      id: operator,
      email: "operator@dostup.local",
      role: "OPERATOR",
      passwordHash,
      fullName: accountNames()[3],
      centreId: operatorCentre.id,
    },
  });
  return {
    ...staff,
    operator,
    operatorCentreId: operatorCentre.id,
    list: [
      { email: "admin@dostup.local", role: "ADMIN" },
      { email: "curator@dostup.local", role: "CURATOR" },
      { email: "operator@dostup.local", role: "OPERATOR" },
      { email: "auditor@dostup.local", role: "AUDITOR" },
    ],
  };
}
