-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('REPORT_VALUES', 'ORGANISATIONS', 'CENTRES', 'SERVICES');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "code" TEXT;

-- AlterTable
ALTER TABLE "Centre" ADD COLUMN     "code" TEXT;

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "code" TEXT;

-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "created" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "fileName" TEXT,
ADD COLUMN     "kind" "ImportKind" NOT NULL DEFAULT 'REPORT_VALUES',
ADD COLUMN     "regionId" UUID,
ADD COLUMN     "unchanged" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "updated" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_regionId_code_key" ON "Organisation"("regionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Centre_regionId_code_key" ON "Centre"("regionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Service_regionId_code_key" ON "Service"("regionId", "code");

-- CreateIndex
CREATE INDEX "ImportBatch_regionId_startedAt_idx" ON "ImportBatch"("regionId", "startedAt");

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A registry import changes one region's register: it always names the region.
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_registry_region_check"
  CHECK ("kind" = 'REPORT_VALUES' OR "regionId" IS NOT NULL);
