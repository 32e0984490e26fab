-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('SEMINAR', 'FORUM', 'WEBINAR', 'CONFERENCE', 'CAMPAIGN', 'LECTURE', 'CONSULTATION_DAY', 'WORKING_MEETING');

-- CreateEnum
CREATE TYPE "EventAudience" AS ENUM ('CITIZENS', 'STAFF');

-- CreateTable
CREATE TABLE "Event" (
    "id" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "kind" "EventKind" NOT NULL,
    "title" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "audience" "EventAudience" NOT NULL,
    "participants" INTEGER,
    "hostOrganisationId" UUID,
    "centreId" UUID,
    "projectId" UUID,
    "description" TEXT,
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventMunicipality" (
    "eventId" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,

    CONSTRAINT "EventMunicipality_pkey" PRIMARY KEY ("eventId","municipalityId")
);

-- CreateIndex
CREATE INDEX "Event_regionId_startsOn_idx" ON "Event"("regionId", "startsOn");

-- CreateIndex
CREATE INDEX "Event_startsOn_id_idx" ON "Event"("startsOn", "id");

-- CreateIndex
CREATE INDEX "Event_hostOrganisationId_idx" ON "Event"("hostOrganisationId");

-- CreateIndex
CREATE INDEX "Event_centreId_idx" ON "Event"("centreId");

-- CreateIndex
CREATE INDEX "Event_projectId_idx" ON "Event"("projectId");

-- CreateIndex
CREATE INDEX "EventMunicipality_municipalityId_idx" ON "EventMunicipality"("municipalityId");

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_hostOrganisationId_fkey" FOREIGN KEY ("hostOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventMunicipality" ADD CONSTRAINT "EventMunicipality_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventMunicipality" ADD CONSTRAINT "EventMunicipality_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules Prisma cannot express: the API refuses these with field messages; the database keeps
-- them whatever writes.
ALTER TABLE "Event" ADD CONSTRAINT "Event_dates_check" CHECK ("endsOn" >= "startsOn");
ALTER TABLE "Event" ADD CONSTRAINT "Event_participants_check" CHECK ("participants" IS NULL OR "participants" >= 0);
