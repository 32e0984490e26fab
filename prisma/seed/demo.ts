// The demo data set: the regions, centres, services, curators, quality data and reports of
// the source documents, with one account per role. Everything is written in one
// transaction, so a failure leaves an empty database behind rather than half a demo.
import { hash } from "@node-rs/argon2";
import type { PrismaClient } from "../../api/generated/prisma/client.js";
import { seedCentreDetails } from "./demo/centre-details.js";
import { seedCentres } from "./demo/centres.js";
import { seedEvents } from "./demo/events.js";
import { seedGeography } from "./demo/geography.js";
import { seedPopulation } from "./demo/geography-population.js";
import { seedKpis } from "./demo/kpis.js";
import { seedOrganisations } from "./demo/organisations.js";
import { seedPeople } from "./demo/people.js";
import { seedQuality } from "./demo/quality.js";
import { seedReports } from "./demo/reports.js";
import { seedServices } from "./demo/services.js";
import { DEMO_PASSWORD, seedOperator, seedStaffUsers } from "./demo/users.js";

export interface DemoAccount {
  email: string;
  role: string;
}

export const DEMO_EMAIL_DOMAIN = "@dostup.local";

export async function seedDemo(prisma: PrismaClient): Promise<{ users: DemoAccount[] }> {
  // Hashed once, outside the transaction: argon2 is deliberately slow.
  const passwordHash = await hash(DEMO_PASSWORD);
  const users = await prisma.$transaction(
    async (tx) => {
      const geo = await seedGeography(tx);
      await seedPopulation(tx, geo);
      const orgs = await seedOrganisations(tx, geo);
      const staff = await seedStaffUsers(tx, geo, passwordHash);
      const centres = await seedCentres(tx, geo, orgs, staff);
      await seedCentreDetails(tx, geo, centres);
      const demoUsers = await seedOperator(tx, centres, staff, passwordHash);
      const services = await seedServices(tx, geo, orgs, centres);
      const people = await seedPeople(tx, geo, orgs, centres, services);
      await seedQuality(tx, geo, centres, services, people, demoUsers);
      await seedReports(tx, geo, centres, demoUsers);
      await seedKpis(tx, geo, services);
      await seedEvents(tx, geo, orgs, centres);
      return demoUsers.list;
    },
    // Generous limits: the same seed runs on embedded PGlite, where statements are slower.
    { timeout: 180_000, maxWait: 20_000 },
  );
  return { users };
}

/** Seeds the demo into an empty database (no region yet); otherwise reports the demo accounts present. */
export async function seedDemoIfEmpty(prisma: PrismaClient): Promise<{ seeded: boolean; users: DemoAccount[] }> {
  if ((await prisma.region.count()) === 0) return { seeded: true, ...(await seedDemo(prisma)) };
  const users = await prisma.user.findMany({
    where: { email: { endsWith: DEMO_EMAIL_DOMAIN } },
    orderBy: { email: "asc" },
    select: { email: true, role: true },
  });
  return { seeded: false, users };
}
