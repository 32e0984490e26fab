-- CreateEnum
CREATE TYPE "FileRejectCode" AS ENUM ('SIZE_MISMATCH', 'TYPE_MISMATCH', 'CHECKSUM_MISMATCH', 'CONTENT_MISMATCH', 'NOT_TEXT', 'EXTENSION_MISMATCH', 'REPORT_NOT_EDITABLE', 'STALE');

-- AlterTable
ALTER TABLE "StoredFile" ADD COLUMN     "detectedType" TEXT,
ADD COLUMN     "rejectCode" "FileRejectCode";


-- Rows rejected before codes existed get the code their reason stands for, so clients can
-- show every rejection in their user's language.
UPDATE "StoredFile" SET "rejectCode" = CASE
    WHEN "rejectReason" = 'upload not confirmed within 24 hours' THEN 'STALE'::"FileRejectCode"
    WHEN "rejectReason" LIKE 'The uploaded file''s SHA-256 is %' THEN 'CHECKSUM_MISMATCH'::"FileRejectCode"
    WHEN "rejectReason" LIKE 'The uploaded file has type %' THEN 'TYPE_MISMATCH'::"FileRejectCode"
    WHEN "rejectReason" LIKE 'The uploaded file is % bytes, but % bytes were declared.'
      OR "rejectReason" LIKE 'The uploaded file is larger than %'
      OR "rejectReason" = 'The storage did not report the uploaded file''s size.' THEN 'SIZE_MISMATCH'::"FileRejectCode"
  END
WHERE "status" = 'REJECTED' AND "rejectCode" IS NULL;
