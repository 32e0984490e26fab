// The access log: every download URL handed out (downloads.service.ts writes it), listed,
// filtered and exported as CSV for administrators, and for auditors within their regions.
import type { Prisma } from "../../generated/prisma/client.js";
import { type Access, includes, inRegions, isAdmin } from "../../lib/access.js";
import { csvText } from "../../lib/csv.js";
import { prisma } from "../../lib/db.js";
import { UserInputError } from "../../lib/errors.js";
import { type OrderBy, searchIn } from "../../lib/filters.js";
import { fromGlobalId, toGlobalId } from "../../lib/ids.js";
import type { FileAccessFilterData } from "./files.inputs.js";

export type FileAccessOrderByInput = OrderBy<"AT">;

/** The access log is for administrators and auditors; auditors see their regions' files. */
export function canReadAccessLog(access: Access, fileRegionId: string | null): boolean {
  if (isAdmin(access)) return true;
  return access.identity?.kind === "user" && access.identity.role === "AUDITOR" && includes(access.read, fileRegionId);
}

function accessLogScope(access: Access): Prisma.FileAccessWhereInput {
  if (isAdmin(access)) return {};
  if (access.identity?.kind === "user" && access.identity.role === "AUDITOR") {
    return { file: { regionId: inRegions(access.read) } };
  }
  return { id: { in: [] } };
}

export function fileAccessWhere(access: Access, filter?: FileAccessFilterData | null): Prisma.FileAccessWhereInput {
  return {
    AND: [
      accessLogScope(access),
      filter?.fileId ? { fileId: fromGlobalId("StoredFile", filter.fileId, "filter.fileId") } : {},
      filter?.userId ? { userId: fromGlobalId("User", filter.userId, "filter.userId") } : {},
      filter?.from ? { at: { gte: filter.from } } : {},
      filter?.to ? { at: { lte: filter.to } } : {},
      searchIn(filter?.search, ["purpose"]),
    ],
  };
}

/** Newest first unless asked otherwise; ends with the id so pages are stable. */
export function fileAccessOrderBy(
  orderBy?: FileAccessOrderByInput | null,
): Prisma.FileAccessOrderByWithRelationInput[] {
  const direction = orderBy?.direction === "ASC" ? "asc" : "desc";
  return [{ at: direction }, { id: direction }];
}

/** The most rows one export returns; a larger log is exported in date ranges. */
export const MAX_CSV_ROWS = 50_000;

const CSV_HEADER = [
  "at",
  "role",
  "userName",
  "userEmail",
  "apiClient",
  "purpose",
  "fileName",
  "fileId",
  "fileSha256",
  "reportId",
  "region",
];

/**
 * The access log as CSV (RFC 4180: CRLF, every field quoted), UTF-8 with a byte-order
 * mark so spreadsheet programs read Cyrillic correctly. Same filter and scope as the list.
 */
export async function fileAccessesCsv(access: Access, filter?: FileAccessFilterData | null): Promise<string> {
  const where = fileAccessWhere(access, filter);
  const rows = await prisma.fileAccess.findMany({
    where,
    orderBy: fileAccessOrderBy(null),
    take: MAX_CSV_ROWS + 1,
    select: {
      at: true,
      role: true,
      purpose: true,
      user: { select: { fullName: true, email: true } },
      apiClient: { select: { name: true } },
      file: { select: { id: true, name: true, sha256: true, reportId: true, region: { select: { code: true } } } },
    },
  });
  if (rows.length > MAX_CSV_ROWS) {
    throw new UserInputError("ACCESS_LOG_TOO_MANY_ROWS", { max: MAX_CSV_ROWS }, "filter");
  }
  const lines = rows.map((row) => [
    row.at.toISOString(),
    row.role,
    row.user?.fullName ?? "",
    row.user?.email ?? "",
    row.apiClient?.name ?? "",
    row.purpose,
    row.file.name,
    toGlobalId("StoredFile", row.file.id),
    row.file.sha256,
    row.file.reportId ? toGlobalId("Report", row.file.reportId) : "",
    row.file.region?.code ?? "",
  ]);
  return csvText([CSV_HEADER, ...lines], { quoteAll: true });
}
