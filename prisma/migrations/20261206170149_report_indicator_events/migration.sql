-- CreateEnum
CREATE TYPE "EventMeasure" AS ENUM ('COUNT', 'PARTICIPANTS');

-- AlterTable
ALTER TABLE "ReportIndicator" ADD COLUMN     "eventAudience" "EventAudience",
ADD COLUMN     "eventKind" "EventKind",
ADD COLUMN     "eventMeasure" "EventMeasure";


-- A kind or an audience means nothing without what is counted of those events.
ALTER TABLE "ReportIndicator" ADD CONSTRAINT "ReportIndicator_event_measure_check"
  CHECK ("eventMeasure" IS NOT NULL OR ("eventKind" IS NULL AND "eventAudience" IS NULL));

-- The event indicators of the forms already in use (prisma/seed/forms.ts names the same ones).
UPDATE "ReportIndicator" SET "eventMeasure" = 'COUNT', "eventKind" = 'SEMINAR' WHERE code = 'EVENTS_SEMINARS';
UPDATE "ReportIndicator" SET "eventMeasure" = 'COUNT', "eventKind" = 'FORUM', "eventAudience" = 'CITIZENS' WHERE code = 'EVENTS_FORUMS';
UPDATE "ReportIndicator" SET "eventMeasure" = 'COUNT', "eventKind" = 'WEBINAR', "eventAudience" = 'STAFF' WHERE code = 'WEBINARS';
UPDATE "ReportIndicator" SET "eventMeasure" = 'PARTICIPANTS' WHERE code = 'EVENT_PARTICIPANTS';
