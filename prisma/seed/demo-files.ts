// Demo files: Udmurtia's consolidated report of 2015–2018 (XLSX and CSV), generated and
// stored in S3 like any other file, so an auditor has a real file to download; and the photos
// of Smolensk's curators of the services seed 002 names, uploaded and verified as the admin's
// uploads are, so the public curator directory shows them where people consented. Needs the
// app's configuration (database and S3), so only the server calls it, after seeding.
import { createHash } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import type { PrismaClient } from "../../api/generated/prisma/client.js";
import type { Access } from "../../api/lib/access.js";
import { NAMED_SMOLENSK_SERVICES } from "./demo/people.js";

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
  const photos = await seedCuratorPhotos(prisma, access);
  return 2 + photos;
}

/** One PNG chunk: length, type, data and the CRC of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A 96×120 portrait placeholder as a real PNG: a head and shoulders in a darker shade of the
 * background (never a real person's face).
 */
export function portraitPng(hue: readonly [number, number, number]): Buffer {
  const width = 96;
  const height = 120;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const head = (x - 48) ** 2 / 22 ** 2 + (y - 46) ** 2 / 26 ** 2 <= 1;
      const shoulders = y > 82 && (x - 48) ** 2 / 44 ** 2 + (y - 124) ** 2 / 40 ** 2 <= 1;
      const shade = head || shoulders ? 0.55 : 1;
      hue.forEach((value, i) => {
        row[1 + x * 3 + i] = Math.round(value * shade);
      });
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const HUES: readonly (readonly [number, number, number])[] = [
  [186, 206, 232],
  [214, 196, 226],
  [198, 226, 204],
  [238, 218, 190],
];

/**
 * The current curators of the named services in Smolensk (the region's and the
 * municipalities'), each with a photo, whether or not they consent to its publication: the
 * directory publishes only the consented ones. Uploaded as the admin does: requestFileUpload,
 * the object put under its pending key, confirmFileUpload (which checks and moves it).
 */
async function seedCuratorPhotos(prisma: PrismaClient, access: Access): Promise<number> {
  const { toGlobalId } = await import("../../api/lib/ids.js");
  const { bucket, s3, s3Sdk } = await import("../../api/lib/s3.js");
  const { requestFileUploadSchema } = await import("../../api/modules/files/files.inputs.js");
  const { confirmFileUpload, requestFileUpload } = await import("../../api/modules/files/uploads.service.js");
  const { PutObjectCommand } = await s3Sdk();
  const people = await prisma.person.findMany({
    where: {
      region: { code: "67" },
      archivedAt: null,
      photoFileId: null,
      assignments: {
        some: { targetType: "SERVICE", validTo: null, service: { name: { in: [...NAMED_SMOLENSK_SERVICES] } } },
      },
    },
    orderBy: [{ lastName: "asc" }, { id: "asc" }],
  });
  for (const [i, person] of people.entries()) {
    const body = portraitPng(HUES[i % HUES.length] ?? [200, 200, 200]);
    const form = await requestFileUpload(
      access,
      requestFileUploadSchema.parse({
        purpose: "PHOTO",
        personId: toGlobalId("Person", person.id),
        fileName: `${person.lastName}.png`,
        contentType: "image/png",
        size: body.length,
        sha256: createHash("sha256").update(body).digest("hex"),
      }),
    );
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: form.file.key, Body: body, ContentType: "image/png" }));
    await confirmFileUpload(access, { fileId: toGlobalId("StoredFile", form.file.id) });
  }
  return people.length;
}
