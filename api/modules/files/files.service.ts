// Files attached to reports, people and events, and the upload protocol's server side (DESIGN.md,
// "Upload protocol"). Each step has a file of its own: uploads.service.ts hands out upload
// forms and takes the client's confirmation; verification.service.ts checks an uploaded object
// against what its StoredFile row declared (size, type, SHA-256, and that its content is of the
// declared kind: inspection.service.ts, file-types.ts) and settles the row; downloads.service.ts
// hands out download URLs (each one logged, each through the download layer: lib/downloads.ts)
// and access-log.service.ts reads that log; reconciliation.service.ts removes rows and objects
// that one side of the protocol left behind. The S3 event, the `confirmFileUpload` mutation and
// the scheduled job all come to these, so every rule lives in one place. This file holds what
// the steps share: where objects are kept, who sees which files, which reports take files, and
// how a file's name is made harmless.
//
// Keys are made by the server, never from the user's file name: a new upload goes to
// `pending/<purpose>/<report, person or event id>/<file id>`; once verified it is copied to
// `files/…` (same rest) and the pending copy deleted. Every upload gets a new key, so
// nothing is ever overwritten, and the bucket is versioned besides. The bucket's lifecycle
// expires everything under `pending/` after two days (serverless.yml), so an abandoned
// upload disappears even if every job here failed, while confirmed files are kept.
import type { Prisma, ReportStatus } from "../../generated/prisma/client.js";
import { type Access, includes, inRegions } from "../../lib/access.js";
import { prisma } from "../../lib/db.js";
import type { MessageCode } from "../../messages/index.js";

export const PENDING_PREFIX = "pending/";
export const FILES_PREFIX = "files/";

/** Files are added to a report only while its figures may still change. */
export const REPORT_STATUSES_TAKING_FILES: ReportStatus[] = ["DRAFT", "RETURNED"];

const REPORT_STATUS_WORD: Record<ReportStatus, string> = {
  DRAFT: "a draft",
  SUBMITTED: "submitted for review",
  RETURNED: "returned for corrections",
  APPROVED: "approved",
  LOCKED: "locked",
};

/** Why a report takes no more files, by the status it is in: the code of the message. */
export function reportClosedCode(status: ReportStatus): MessageCode {
  switch (status) {
    case "SUBMITTED":
      return "REPORT_CLOSED_FOR_FILES_SUBMITTED";
    case "APPROVED":
      return "REPORT_CLOSED_FOR_FILES_APPROVED";
    case "LOCKED":
      return "REPORT_CLOSED_FOR_FILES_LOCKED";
    default:
      return "REPORT_TAKES_NO_FILES";
  }
}

/** Why a report takes no more files, in the words of the status it is in (a rejected file's stored reason). */
export function reportClosedReason(status: ReportStatus): string {
  return `The report is ${REPORT_STATUS_WORD[status]} (${status}): files are added only while a report is a draft or returned for corrections.`;
}

const NO_ROW = "00000000-0000-0000-0000-000000000000";

// ───────────────────────────── Who sees which files ─────────────────────────────

function isOperator(access: Access): boolean {
  return access.identity?.kind === "user" && access.identity.role === "OPERATOR";
}

/**
 * Files a caller may see: staff those of their regions, operators only their own centre's
 * report files and the materials of the events they read (their centre's region), partners
 * and anonymous callers none (files are internal records).
 */
export function fileScope(access: Access): Prisma.StoredFileWhereInput {
  if (access.identity?.kind !== "user") return { id: { in: [] } };
  if (isOperator(access)) {
    return {
      OR: [
        { report: { centreId: access.centreId ?? NO_ROW } },
        { purpose: "EVENT_MATERIAL", eventId: { not: null }, regionId: inRegions(access.read) },
      ],
    };
  }
  return { regionId: inRegions(access.read) };
}

/** The same rule as `fileScope`, for a row already loaded (the type-level safety net). */
export async function canReadFile(
  access: Access,
  file: { regionId: string | null; reportId: string | null; eventId?: string | null; purpose?: string },
): Promise<boolean> {
  if (access.identity?.kind !== "user") return false;
  if (!isOperator(access)) return includes(access.read, file.regionId);
  if (file.purpose === "EVENT_MATERIAL" && file.eventId) return includes(access.read, file.regionId);
  if (!access.centreId || !file.reportId) return false;
  return (await prisma.report.count({ where: { id: file.reportId, centreId: access.centreId } })) > 0;
}

/** Who attaches files to a report: the operator of its centre, or a writer of its region. */
export function canChangeReport(access: Access, report: { regionId: string; centreId: string | null }): boolean {
  return (access.centreId !== null && report.centreId === access.centreId) || includes(access.write, report.regionId);
}

// ───────────────────────────── File names ─────────────────────────────

const MAX_NAME_CHARS = 255;

/**
 * The original name as it is kept for display and downloads: NFC, without control or
 * invisible formatting characters (which can disguise an extension), path separators made
 * harmless, at most 255 characters with the extension kept. It never becomes part of a key.
 */
export function sanitiseFileName(raw: string): string {
  const cleaned = raw
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/[/\\]/g, "_")
    .replace(/\s+/g, " ")
    .trim();
  const chars = Array.from(cleaned);
  if (chars.length <= MAX_NAME_CHARS) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 16 ? Array.from(cleaned.slice(dot)) : [];
  return [...chars.slice(0, MAX_NAME_CHARS - extension.length), ...extension].join("").trim();
}
