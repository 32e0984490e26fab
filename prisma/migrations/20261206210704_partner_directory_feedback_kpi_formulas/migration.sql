-- CreateEnum
CREATE TYPE "SystemicErrorStatus" AS ENUM ('OPEN', 'REPORTED', 'FIXED', 'CONFIRMED');

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "contactsConsent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "contactsConsentAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "CuratorAssignment" ADD COLUMN     "municipalityId" UUID;

-- AlterTable
ALTER TABLE "Feedback" ADD COLUMN     "apiClientId" UUID,
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "reference" TEXT,
ADD COLUMN     "systemicErrorId" UUID;

-- AlterTable
ALTER TABLE "Kpi" ADD COLUMN     "definition" JSONB;

-- CreateTable
CREATE TABLE "SystemicError" (
    "id" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "serviceId" UUID,
    "authorityId" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "status" "SystemicErrorStatus" NOT NULL DEFAULT 'OPEN',
    "detectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" DATE NOT NULL,
    "reportedAt" TIMESTAMP(3),
    "fixedAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "resolution" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SystemicError_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Population" (
    "id" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "municipalityId" UUID,
    "year" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Population_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SystemicError_regionId_status_dueAt_idx" ON "SystemicError"("regionId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "SystemicError_serviceId_idx" ON "SystemicError"("serviceId");

-- CreateIndex
CREATE INDEX "SystemicError_authorityId_idx" ON "SystemicError"("authorityId");

-- CreateIndex
CREATE INDEX "Population_regionId_year_idx" ON "Population"("regionId", "year");

-- CreateIndex
CREATE INDEX "Population_municipalityId_year_idx" ON "Population"("municipalityId", "year");

-- CreateIndex
CREATE INDEX "CuratorAssignment_municipalityId_idx" ON "CuratorAssignment"("municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_reference_key" ON "Feedback"("reference");

-- CreateIndex
CREATE INDEX "Feedback_systemicErrorId_idx" ON "Feedback"("systemicErrorId");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_apiClientId_externalId_key" ON "Feedback"("apiClientId", "externalId");

-- AddForeignKey
ALTER TABLE "CuratorAssignment" ADD CONSTRAINT "CuratorAssignment_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_systemicErrorId_fkey" FOREIGN KEY ("systemicErrorId") REFERENCES "SystemicError"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_apiClientId_fkey" FOREIGN KEY ("apiClientId") REFERENCES "ApiClient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SystemicError" ADD CONSTRAINT "SystemicError_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SystemicError" ADD CONSTRAINT "SystemicError_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SystemicError" ADD CONSTRAINT "SystemicError_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Population" ADD CONSTRAINT "Population_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Population" ADD CONSTRAINT "Population_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- ───────────── Rules Prisma cannot express, and the data carried over ─────────────

-- At most one primary active curator per (service, region, municipality): the region's own
-- curator (no municipality) and each municipality's are separate posts.
DROP INDEX "CuratorAssignment_primary_active_service_key";
CREATE UNIQUE INDEX "CuratorAssignment_primary_active_service_key"
  ON "CuratorAssignment" ("serviceId", "regionId", COALESCE("municipalityId", '00000000-0000-0000-0000-000000000000'::uuid))
  WHERE "primary" AND "validTo" IS NULL AND "targetType" = 'SERVICE';

-- One population figure per place (region as a whole, or a municipality) and year.
CREATE UNIQUE INDEX "Population_place_year_key"
  ON "Population" ("regionId", COALESCE("municipalityId", '00000000-0000-0000-0000-000000000000'::uuid), "year");
ALTER TABLE "Population" ADD CONSTRAINT "Population_values_check"
  CHECK ("count" > 0 AND "year" BETWEEN 1900 AND 2100);

-- A systemic error's dates follow its status.
ALTER TABLE "SystemicError" ADD CONSTRAINT "SystemicError_dates_check" CHECK (
  ("status" = 'OPEN' OR "reportedAt" IS NOT NULL)
  AND ("status" NOT IN ('FIXED', 'CONFIRMED') OR "fixedAt" IS NOT NULL)
  AND ("status" <> 'CONFIRMED' OR "confirmedAt" IS NOT NULL)
);

-- The yes/no flag becomes the register: each flagged feedback opens an error of its own (same
-- id, so the link is made without a lookup), due 30 days after the feedback came in, with the
-- service's competent authority as the responsible one. Curators merge duplicates afterwards.
INSERT INTO "SystemicError" ("id", "regionId", "serviceId", "authorityId", "title", "description",
                             "status", "detectedAt", "dueAt", "createdAt", "updatedAt")
SELECT f."id", f."regionId", f."serviceId", s."competentAuthorityId",
       'Системная ошибка по обращению от ' || to_char(f."receivedAt", 'DD.MM.YYYY'),
       f."text", 'OPEN', f."receivedAt", (f."receivedAt" + INTERVAL '30 days')::date,
       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
  FROM "Feedback" f
  LEFT JOIN "Service" s ON s."id" = f."serviceId"
 WHERE f."systemicError";
UPDATE "Feedback" SET "systemicErrorId" = "id" WHERE "systemicError";
ALTER TABLE "Feedback" DROP COLUMN "systemicError";

-- The KPIs computed by name until now get their formulas (api/modules/kpis/formula.ts), so they
-- are computed the same way once the code no longer knows their names: the share of electronic
-- services among the published socially significant ones (a region's own; the whole catalogue
-- nationally; each region listed too), and the number of published proactive services (a
-- region's own and the federal ones; the whole catalogue nationally).
UPDATE "Kpi"
   SET "definition" = '{"kind": "SERVICE_SHARE", "services": {"socialSignificant": true, "federal": false}, "having": {"electronic": true}, "byRegion": true}'::jsonb
 WHERE "code" = 'SOCIAL_SERVICES_ELECTRONIC_SHARE' AND "source" = 'COMPUTED' AND "definition" IS NULL;
UPDATE "Kpi"
   SET "definition" = '{"kind": "SERVICE_COUNT", "services": {"proactive": true, "federal": true}}'::jsonb
 WHERE "code" = 'PROACTIVE_SERVICES' AND "source" = 'COMPUTED' AND "definition" IS NULL;
