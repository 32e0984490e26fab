-- AlterEnum
ALTER TYPE "FilePurpose" ADD VALUE 'EVENT_MATERIAL';

-- AlterTable
ALTER TABLE "StoredFile" ADD COLUMN     "eventId" UUID;

-- CreateIndex
CREATE INDEX "StoredFile_eventId_createdAt_idx" ON "StoredFile"("eventId", "createdAt");

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

