// The consolidated regional report: a region's figures over years in the layout of the Udmurtia
// document, generated as CSV or XLSX and stored in S3 as a file of the region.
import { createHash, randomUUID } from "node:crypto";
import { type Access, includes, inRegions } from "../../lib/access.js";
import { change, log } from "../../lib/change.js";
import { prisma } from "../../lib/db.js";
import { ForbiddenError, NotFoundError } from "../../lib/errors.js";
import { fromGlobalId } from "../../lib/ids.js";
import { logger } from "../../lib/logger.js";
import { bucket, s3, s3Sdk } from "../../lib/s3.js";
import { sanitiseFileName } from "../files/files.service.js";
import { regionStatistics } from "../partners/partners.service.js";
import { CONTENT_TYPES, EXTENSIONS, type OutCell, writeSheet } from "./sheet-files.js";
import type { GenerateRegionalReportData } from "./spreadsheets.inputs.js";
import { userIdOf } from "./spreadsheets.service.js";

const USERS_ROW = "Количество пользователей, обратившихся за услугой";
const RURAL_ROW = "в т.ч. в сельских библиотеках";

/**
 * The consolidated report of a region in the layout of the Udmurtia document (seed 003): a
 * title, the dynamics table (users and their rural part per year) and the request categories
 * of the last year, from the figures partners see (regionStatistics). Stored in S3 as an
 * EXPORT file of the region, filed with its annual report of the last year.
 */
export async function generateRegionalReport(access: Access, data: GenerateRegionalReportData) {
  const regionId = fromGlobalId("Region", data.regionId, "input.regionId");
  const region = await prisma.region.findFirst({ where: { id: regionId, AND: [{ id: inRegions(access.read) }] } });
  if (!region) throw new NotFoundError("region");
  if (!includes(access.write, region.id)) throw new ForbiddenError("REGIONAL_REPORT_FORBIDDEN");

  const years = Array.from({ length: data.toYear - data.fromYear + 1 }, (_, i) => data.fromYear + i);
  // The region's own report: every approved figure, published to partners or not.
  const statistics = await regionStatistics(region.id, data.fromYear, data.toYear, { publishedOnly: false });
  const users = new Map(statistics.filter((s) => s.indicatorCode === "USERS").map((s) => [s.year, s]));
  const requests = statistics.filter((s) => s.year === data.toYear && s.indicatorCode.startsWith("REQ_"));
  // The categories in the form's order, as the document lists them.
  const positions = await prisma.reportIndicator.groupBy({
    by: ["code"],
    where: { code: { in: requests.map((r) => r.indicatorCode) } },
    _min: { position: true },
  });
  const position = new Map(positions.map((p) => [p.code, p._min.position ?? 0]));
  requests.sort(
    (a, b) =>
      (position.get(a.indicatorCode) ?? 0) - (position.get(b.indicatorCode) ?? 0) ||
      a.indicatorCode.localeCompare(b.indicatorCode),
  );

  const span = data.fromYear === data.toYear ? `${data.fromYear}` : `${data.fromYear}–${data.toYear}`;
  const bold = (value: string) => ({ value, bold: true as const });
  const rows: OutCell[][] = [
    [
      bold(
        `Деятельность центров общественного доступа к сайтам органов государственной власти и государственным услугам, предоставляемым в электронном виде (ЦОД): ${region.name}, ${span}`,
      ),
    ],
    [],
    [bold("Показатель"), ...years.map((year) => bold(`${year} г.`))],
    [USERS_ROW, ...years.map((year) => users.get(year)?.total ?? null)],
    [RURAL_ROW, ...years.map((year) => users.get(year)?.rural ?? null)],
    [],
    [bold(`Обращения пользователей ЦОД к порталам госуслуг, официальным сайтам в ${data.toYear} году`)],
    [bold("Услуга"), bold("Количество обращений")],
    ...(requests.length > 0
      ? requests.map((r): OutCell[] => [r.indicatorName, r.total])
      : [[`Нет утверждённых данных за ${data.toYear} год`]]),
    [],
    [
      "По утверждённым отчётам региона: отчёт уровня региона, а где его нет — сумма отчётов муниципалитетов или центров.",
    ],
  ];
  const bytes = await writeSheet(data.format, {
    rows,
    widths: [70, ...years.map(() => 12)],
    sheetName: "ЦОД",
  });

  const id = randomUUID();
  const key = `files/exports/${id}.${EXTENSIONS[data.format]}`;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const { DeleteObjectCommand, PutObjectCommand } = await s3Sdk();
  const put = await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: bytes,
      ContentType: CONTENT_TYPES[data.format],
      Metadata: { sha256 },
    }),
  );
  try {
    return await change("file", async (tx) => {
      // Filed with the region's annual report of the last year, when there is one, so it is
      // listed (and downloaded) among that report's files. Unlike uploads (DRAFT or RETURNED
      // reports only), whatever the report's status: the file is made here from approved
      // figures, so it adds no figure and no bytes of anyone's choosing to what was approved,
      // and the annual report is usually approved by the time its summary is wanted.
      const annual = await tx.report.findFirst({
        where: {
          regionId: region.id,
          scope: "REGION",
          periodStart: new Date(Date.UTC(data.toYear, 0, 1)),
          form: { code: "COD_ANNUAL" },
        },
        orderBy: [{ form: { revision: "desc" } }, { id: "asc" }],
        select: { id: true },
      });
      const file = await tx.storedFile.create({
        data: {
          id,
          bucket,
          key,
          name: sanitiseFileName(`Деятельность ЦОД — ${region.name}, ${span}.${EXTENSIONS[data.format]}`),
          contentType: CONTENT_TYPES[data.format],
          size: BigInt(bytes.length),
          sha256,
          status: "AVAILABLE",
          purpose: "EXPORT",
          s3VersionId: put.VersionId ?? null,
          reportId: annual?.id ?? null,
          regionId: region.id,
          uploadedById: userIdOf(access),
          confirmedAt: new Date(),
        },
      });
      await log(tx, access, {
        entity: "StoredFile",
        entityId: file.id,
        action: "CREATE",
        regionId: region.id,
        after: file,
        note: { generated: "regional report", fromYear: data.fromYear, toYear: data.toYear },
      });
      return file;
    });
  } catch (error) {
    // No row owns the object: remove it rather than leave it for the reconciliation job.
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })).catch((cause: unknown) => {
      logger.warn({ key, cause }, "could not delete the object of a regional report that was not saved");
    });
    throw error;
  }
}
