// Demo report files: Udmurtia's consolidated report of 2015–2018 (XLSX and CSV), generated
// and stored in S3 like any other file, so an auditor has a real file to download. Needs
// the app's configuration (database and S3), so only the server calls it, after seeding.
import type { PrismaClient } from "../../api/generated/prisma/client.js";

export async function seedDemoFiles(prisma: PrismaClient): Promise<number> {
  const { accessFor } = await import("../../api/lib/access.js");
  const { toGlobalId } = await import("../../api/lib/ids.js");
  const { generateRegionalReport } = await import("../../api/modules/spreadsheets/regional-report.service.js");
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@dostup.local" } });
  const udmurtia = await prisma.region.findUniqueOrThrow({ where: { code: "18" } });
  const access = accessFor({
    kind: "user",
    userId: admin.id,
    role: "ADMIN",
    regionIds: [],
    allRegions: false,
    centreId: null,
    centreRegionId: null,
  });
  for (const format of ["XLSX", "CSV"] as const) {
    await generateRegionalReport(access, {
      regionId: toGlobalId("Region", udmurtia.id),
      fromYear: 2015,
      toYear: 2018,
      format,
    });
  }
  return 2;
}
