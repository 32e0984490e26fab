-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CentreKind" AS ENUM ('PUBLIC_ACCESS', 'LEGAL_INFO', 'IDENTITY', 'MOBILE_OFFICE', 'E_SERVICES_SECTOR', 'MFC_WINDOW');

-- CreateEnum
CREATE TYPE "CentreStatus" AS ENUM ('ACTIVE', 'TEMPORARILY_CLOSED', 'INACTIVE', 'CLOSED');

-- CreateEnum
CREATE TYPE "MunicipalityKind" AS ENUM ('URBAN_DISTRICT', 'MUNICIPAL_DISTRICT', 'MUNICIPAL_OKRUG', 'URBAN_SETTLEMENT', 'RURAL_SETTLEMENT', 'INTRACITY_TERRITORY');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('LIBRARY', 'MFC', 'AUTHORITY', 'OTHER');

-- CreateEnum
CREATE TYPE "ServiceLevel" AS ENUM ('FEDERAL', 'REGIONAL', 'MUNICIPAL');

-- CreateEnum
CREATE TYPE "PublicationStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "CentreHelpKind" AS ENUM ('CONSULTATION', 'ACCOUNT_REGISTRATION', 'IDENTITY_CONFIRMATION', 'APPLICATION_FILLING', 'STATUS_TRACKING', 'RESULT_PRINTING', 'SIGNATURE_RENEWAL');

-- CreateEnum
CREATE TYPE "LifeSituationKind" AS ENUM ('LIFE_EVENT', 'BUSINESS_EVENT');

-- CreateEnum
CREATE TYPE "CuratorRole" AS ENUM ('PROJECT_CURATOR', 'REGIONAL_COORDINATOR', 'CENTRE_CURATOR', 'SERVICE_CURATOR', 'LIFE_SITUATION_CURATOR');

-- CreateEnum
CREATE TYPE "CuratorTarget" AS ENUM ('SERVICE', 'LIFE_SITUATION', 'CENTRE', 'REGION', 'PROJECT');

-- CreateEnum
CREATE TYPE "StandardStatus" AS ENUM ('DRAFT', 'APPROVED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "TargetDirection" AS ENUM ('AT_LEAST', 'AT_MOST');

-- CreateEnum
CREATE TYPE "FeedbackSubject" AS ENUM ('CENTRE', 'SERVICE', 'LIFE_SITUATION', 'OTHER');

-- CreateEnum
CREATE TYPE "FeedbackStatus" AS ENUM ('RECEIVED', 'IN_PROGRESS', 'ANSWERED', 'CLOSED', 'REJECTED', 'DUPLICATE', 'REDIRECTED');

-- CreateEnum
CREATE TYPE "Periodicity" AS ENUM ('MONTHLY', 'QUARTERLY', 'ANNUAL');

-- CreateEnum
CREATE TYPE "ReportFormStatus" AS ENUM ('DRAFT', 'ACTIVE', 'RETIRED');

-- CreateEnum
CREATE TYPE "ReportScope" AS ENUM ('CENTRE', 'MUNICIPALITY', 'REGION');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'LOCKED');

-- CreateEnum
CREATE TYPE "FileStatus" AS ENUM ('PENDING', 'AVAILABLE', 'REJECTED', 'DELETED');

-- CreateEnum
CREATE TYPE "FilePurpose" AS ENUM ('REPORT', 'PHOTO', 'IMPORT', 'EXPORT');

-- CreateEnum
CREATE TYPE "KpiValueSource" AS ENUM ('COMPUTED', 'ENTERED');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('ADMIN', 'CURATOR', 'OPERATOR', 'AUDITOR');

-- CreateEnum
CREATE TYPE "ChangeAction" AS ENUM ('CREATE', 'UPDATE', 'ARCHIVE', 'RESTORE', 'DELETE', 'TRANSITION');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "Region" (
    "id" UUID NOT NULL,
    "code" VARCHAR(3) NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Municipality" (
    "id" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "oktmo" VARCHAR(11) NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "MunicipalityKind" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Settlement" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "isRural" BOOLEAN NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Settlement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "municipalityId" UUID,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "kind" "OrganisationKind" NOT NULL,
    "inn" VARCHAR(12),
    "ogrn" VARCHAR(15),
    "address" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Centre" (
    "id" UUID NOT NULL,
    "hostOrganisationId" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "settlementId" UUID,
    "name" TEXT NOT NULL,
    "kinds" "CentreKind"[],
    "status" "CentreStatus" NOT NULL DEFAULT 'ACTIVE',
    "statusAlert" TEXT,
    "address" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "accessibleVision" BOOLEAN NOT NULL DEFAULT false,
    "accessibleHearing" BOOLEAN NOT NULL DEFAULT false,
    "accessibleMobility" BOOLEAN NOT NULL DEFAULT false,
    "workstations" INTEGER NOT NULL DEFAULT 0,
    "printers" INTEGER NOT NULL DEFAULT 0,
    "scanners" INTEGER NOT NULL DEFAULT 0,
    "equipmentNote" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "signatureValidUntil" DATE,
    "lastVerifiedAt" TIMESTAMP(3),
    "lastVerifiedById" UUID,
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Centre_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpeningHours" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "weekday" SMALLINT NOT NULL,
    "opens" VARCHAR(5) NOT NULL,
    "closes" VARCHAR(5) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OpeningHours_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpeningHoursException" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "closed" BOOLEAN NOT NULL,
    "opens" VARCHAR(5),
    "closes" VARCHAR(5),
    "reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OpeningHoursException_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MobileVisit" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "settlementId" UUID NOT NULL,
    "visitedOn" DATE NOT NULL,
    "peopleServed" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MobileVisit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MobileVisitDocument" (
    "id" UUID NOT NULL,
    "visitId" UUID NOT NULL,
    "documentType" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MobileVisitDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" UUID NOT NULL,
    "registryId" TEXT,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "description" TEXT,
    "level" "ServiceLevel" NOT NULL,
    "regionId" UUID,
    "competentAuthorityId" UUID,
    "socialSignificant" BOOLEAN NOT NULL DEFAULT false,
    "electronic" BOOLEAN NOT NULL DEFAULT false,
    "proactive" BOOLEAN NOT NULL DEFAULT false,
    "needsExtraDocuments" BOOLEAN NOT NULL DEFAULT false,
    "processingDays" INTEGER,
    "fee" DECIMAL(12,2),
    "requiredDocuments" TEXT[],
    "portalUrl" TEXT,
    "status" "PublicationStatus" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CentreService" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "helpKinds" "CentreHelpKind"[],
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CentreService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LifeSituation" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "LifeSituationKind" NOT NULL,
    "description" TEXT,
    "regionId" UUID,
    "status" "PublicationStatus" NOT NULL DEFAULT 'PUBLISHED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LifeSituation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LifeSituationService" (
    "id" UUID NOT NULL,
    "lifeSituationId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "mandatory" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LifeSituationService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "organisationId" UUID,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "position" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "photoFileId" UUID,
    "photoConsent" BOOLEAN NOT NULL DEFAULT false,
    "photoConsentAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CuratorAssignment" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "role" "CuratorRole" NOT NULL,
    "targetType" "CuratorTarget" NOT NULL,
    "serviceId" UUID,
    "lifeSituationId" UUID,
    "centreId" UUID,
    "projectId" UUID,
    "regionId" UUID NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "primary" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CuratorAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualityStandard" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" "StandardStatus" NOT NULL DEFAULT 'DRAFT',
    "validFrom" DATE,
    "approvedAt" TIMESTAMP(3),
    "approvedById" UUID,
    "supersededAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QualityStandard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualityTarget" (
    "id" UUID NOT NULL,
    "standardId" UUID NOT NULL,
    "indicatorCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" "TargetDirection" NOT NULL,
    "threshold" DECIMAL(14,4) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QualityTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualityMeasurement" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "indicatorCode" TEXT NOT NULL,
    "regionId" UUID NOT NULL,
    "municipalityId" UUID,
    "centreId" UUID,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "value" DECIMAL(14,4) NOT NULL,
    "source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QualityMeasurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackCategory" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slaDays" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeedbackCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" UUID NOT NULL,
    "categoryId" UUID NOT NULL,
    "subjectType" "FeedbackSubject" NOT NULL,
    "centreId" UUID,
    "serviceId" UUID,
    "lifeSituationId" UUID,
    "regionId" UUID NOT NULL,
    "ratingTime" SMALLINT,
    "ratingWaiting" SMALLINT,
    "ratingStaff" SMALLINT,
    "ratingComfort" SMALLINT,
    "ratingInformation" SMALLINT,
    "text" TEXT NOT NULL,
    "authorName" TEXT,
    "authorContact" TEXT,
    "status" "FeedbackStatus" NOT NULL DEFAULT 'RECEIVED',
    "assignedCuratorId" UUID,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),
    "answer" TEXT,
    "systemicError" BOOLEAN NOT NULL DEFAULT false,
    "duplicateOfId" UUID,
    "redirectedTo" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackEvent" (
    "id" UUID NOT NULL,
    "feedbackId" UUID NOT NULL,
    "fromStatus" "FeedbackStatus",
    "toStatus" "FeedbackStatus" NOT NULL,
    "comment" TEXT,
    "actorUserId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeedbackEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportForm" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "periodicity" "Periodicity" NOT NULL,
    "dueDays" INTEGER NOT NULL,
    "status" "ReportFormStatus" NOT NULL DEFAULT 'ACTIVE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportIndicator" (
    "id" UUID NOT NULL,
    "formId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "hasRuralSplit" BOOLEAN NOT NULL DEFAULT false,
    "category" TEXT,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" UUID NOT NULL,
    "formId" UUID NOT NULL,
    "scope" "ReportScope" NOT NULL,
    "centreId" UUID,
    "municipalityId" UUID,
    "regionId" UUID NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "returnReason" TEXT,
    "submittedAt" TIMESTAMP(3),
    "submittedById" UUID,
    "approvedAt" TIMESTAMP(3),
    "approvedById" UUID,
    "lockedAt" TIMESTAMP(3),
    "published" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportValue" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "total" INTEGER NOT NULL,
    "rural" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" UUID NOT NULL,
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "status" "FileStatus" NOT NULL DEFAULT 'PENDING',
    "purpose" "FilePurpose" NOT NULL,
    "rejectReason" TEXT,
    "s3VersionId" TEXT,
    "reportId" UUID,
    "regionId" UUID,
    "uploadedById" UUID,
    "confirmedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FileAccess" (
    "id" UUID NOT NULL,
    "fileId" UUID NOT NULL,
    "userId" UUID,
    "apiClientId" UUID,
    "role" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FileAccess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Kpi" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "formula" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" "TargetDirection" NOT NULL DEFAULT 'AT_LEAST',
    "targetValue" DECIMAL(14,4) NOT NULL,
    "targetYear" INTEGER NOT NULL,
    "legalBasis" TEXT,
    "regionId" UUID,
    "source" "KpiValueSource" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Kpi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiValue" (
    "id" UUID NOT NULL,
    "kpiId" UUID NOT NULL,
    "regionId" UUID,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "value" DECIMAL(14,4) NOT NULL,
    "source" "KpiValueSource" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KpiValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "role" "UserRole" NOT NULL,
    "centreId" UUID,
    "allRegions" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'ru',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastLoginAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserRegion" (
    "userId" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserRegion_pkey" PRIMARY KEY ("userId","regionId")
);

-- CreateTable
CREATE TABLE "ApiClient" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "keyPrefix" TEXT NOT NULL,
    "keyHash" CHAR(64) NOT NULL,
    "scopes" TEXT[],
    "rateLimitPerMinute" INTEGER NOT NULL DEFAULT 600,
    "createdById" UUID,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeLog" (
    "id" UUID NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "action" "ChangeAction" NOT NULL,
    "changes" JSONB NOT NULL,
    "regionId" UUID,
    "actorUserId" UUID,
    "actorApiClientId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" UUID NOT NULL,
    "fileId" UUID,
    "reportId" UUID,
    "status" "ImportStatus" NOT NULL DEFAULT 'PENDING',
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "createdById" UUID,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_code_key" ON "Region"("code");

-- CreateIndex
CREATE INDEX "Region_name_idx" ON "Region"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Municipality_oktmo_key" ON "Municipality"("oktmo");

-- CreateIndex
CREATE INDEX "Municipality_regionId_name_idx" ON "Municipality"("regionId", "name");

-- CreateIndex
CREATE INDEX "Settlement_isRural_idx" ON "Settlement"("isRural");

-- CreateIndex
CREATE UNIQUE INDEX "Settlement_municipalityId_name_key" ON "Settlement"("municipalityId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_inn_key" ON "Organisation"("inn");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_ogrn_key" ON "Organisation"("ogrn");

-- CreateIndex
CREATE INDEX "Organisation_regionId_name_idx" ON "Organisation"("regionId", "name");

-- CreateIndex
CREATE INDEX "Organisation_municipalityId_idx" ON "Organisation"("municipalityId");

-- CreateIndex
CREATE INDEX "Organisation_kind_idx" ON "Organisation"("kind");

-- CreateIndex
CREATE INDEX "Centre_hostOrganisationId_idx" ON "Centre"("hostOrganisationId");

-- CreateIndex
CREATE INDEX "Centre_regionId_name_idx" ON "Centre"("regionId", "name");

-- CreateIndex
CREATE INDEX "Centre_municipalityId_idx" ON "Centre"("municipalityId");

-- CreateIndex
CREATE INDEX "Centre_settlementId_idx" ON "Centre"("settlementId");

-- CreateIndex
CREATE INDEX "Centre_lastVerifiedById_idx" ON "Centre"("lastVerifiedById");

-- CreateIndex
CREATE INDEX "Centre_status_idx" ON "Centre"("status");

-- CreateIndex
CREATE INDEX "Centre_kinds_idx" ON "Centre" USING GIN ("kinds");

-- CreateIndex
CREATE INDEX "Centre_signatureValidUntil_idx" ON "Centre"("signatureValidUntil");

-- CreateIndex
CREATE INDEX "Centre_latitude_longitude_idx" ON "Centre"("latitude", "longitude");

-- CreateIndex
CREATE INDEX "Centre_createdAt_idx" ON "Centre"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OpeningHours_centreId_weekday_opens_key" ON "OpeningHours"("centreId", "weekday", "opens");

-- CreateIndex
CREATE INDEX "OpeningHoursException_centreId_startsOn_idx" ON "OpeningHoursException"("centreId", "startsOn");

-- CreateIndex
CREATE INDEX "MobileVisit_centreId_visitedOn_idx" ON "MobileVisit"("centreId", "visitedOn");

-- CreateIndex
CREATE INDEX "MobileVisit_settlementId_visitedOn_idx" ON "MobileVisit"("settlementId", "visitedOn");

-- CreateIndex
CREATE UNIQUE INDEX "MobileVisitDocument_visitId_documentType_key" ON "MobileVisitDocument"("visitId", "documentType");

-- CreateIndex
CREATE UNIQUE INDEX "Service_registryId_key" ON "Service"("registryId");

-- CreateIndex
CREATE INDEX "Service_regionId_name_idx" ON "Service"("regionId", "name");

-- CreateIndex
CREATE INDEX "Service_competentAuthorityId_idx" ON "Service"("competentAuthorityId");

-- CreateIndex
CREATE INDEX "Service_level_idx" ON "Service"("level");

-- CreateIndex
CREATE INDEX "Service_socialSignificant_electronic_idx" ON "Service"("socialSignificant", "electronic");

-- CreateIndex
CREATE INDEX "Service_status_idx" ON "Service"("status");

-- CreateIndex
CREATE INDEX "CentreService_serviceId_idx" ON "CentreService"("serviceId");

-- CreateIndex
CREATE UNIQUE INDEX "CentreService_centreId_serviceId_key" ON "CentreService"("centreId", "serviceId");

-- CreateIndex
CREATE UNIQUE INDEX "LifeSituation_code_key" ON "LifeSituation"("code");

-- CreateIndex
CREATE INDEX "LifeSituation_regionId_idx" ON "LifeSituation"("regionId");

-- CreateIndex
CREATE INDEX "LifeSituation_name_idx" ON "LifeSituation"("name");

-- CreateIndex
CREATE INDEX "LifeSituationService_lifeSituationId_position_idx" ON "LifeSituationService"("lifeSituationId", "position");

-- CreateIndex
CREATE INDEX "LifeSituationService_serviceId_idx" ON "LifeSituationService"("serviceId");

-- CreateIndex
CREATE UNIQUE INDEX "LifeSituationService_lifeSituationId_serviceId_key" ON "LifeSituationService"("lifeSituationId", "serviceId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_photoFileId_key" ON "Person"("photoFileId");

-- CreateIndex
CREATE INDEX "Person_regionId_lastName_idx" ON "Person"("regionId", "lastName");

-- CreateIndex
CREATE INDEX "Person_organisationId_idx" ON "Person"("organisationId");

-- CreateIndex
CREATE INDEX "Project_regionId_idx" ON "Project"("regionId");

-- CreateIndex
CREATE INDEX "CuratorAssignment_personId_idx" ON "CuratorAssignment"("personId");

-- CreateIndex
CREATE INDEX "CuratorAssignment_serviceId_regionId_idx" ON "CuratorAssignment"("serviceId", "regionId");

-- CreateIndex
CREATE INDEX "CuratorAssignment_lifeSituationId_idx" ON "CuratorAssignment"("lifeSituationId");

-- CreateIndex
CREATE INDEX "CuratorAssignment_centreId_idx" ON "CuratorAssignment"("centreId");

-- CreateIndex
CREATE INDEX "CuratorAssignment_projectId_idx" ON "CuratorAssignment"("projectId");

-- CreateIndex
CREATE INDEX "CuratorAssignment_regionId_targetType_validTo_idx" ON "CuratorAssignment"("regionId", "targetType", "validTo");

-- CreateIndex
CREATE INDEX "QualityStandard_approvedById_idx" ON "QualityStandard"("approvedById");

-- CreateIndex
CREATE INDEX "QualityStandard_status_idx" ON "QualityStandard"("status");

-- CreateIndex
CREATE UNIQUE INDEX "QualityStandard_serviceId_revision_key" ON "QualityStandard"("serviceId", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "QualityTarget_standardId_indicatorCode_key" ON "QualityTarget"("standardId", "indicatorCode");

-- CreateIndex
CREATE INDEX "QualityMeasurement_serviceId_indicatorCode_periodStart_idx" ON "QualityMeasurement"("serviceId", "indicatorCode", "periodStart");

-- CreateIndex
CREATE INDEX "QualityMeasurement_regionId_periodStart_idx" ON "QualityMeasurement"("regionId", "periodStart");

-- CreateIndex
CREATE INDEX "QualityMeasurement_municipalityId_idx" ON "QualityMeasurement"("municipalityId");

-- CreateIndex
CREATE INDEX "QualityMeasurement_centreId_idx" ON "QualityMeasurement"("centreId");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackCategory_code_key" ON "FeedbackCategory"("code");

-- CreateIndex
CREATE INDEX "Feedback_categoryId_idx" ON "Feedback"("categoryId");

-- CreateIndex
CREATE INDEX "Feedback_centreId_idx" ON "Feedback"("centreId");

-- CreateIndex
CREATE INDEX "Feedback_serviceId_idx" ON "Feedback"("serviceId");

-- CreateIndex
CREATE INDEX "Feedback_lifeSituationId_idx" ON "Feedback"("lifeSituationId");

-- CreateIndex
CREATE INDEX "Feedback_regionId_status_dueAt_idx" ON "Feedback"("regionId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Feedback_assignedCuratorId_idx" ON "Feedback"("assignedCuratorId");

-- CreateIndex
CREATE INDEX "Feedback_duplicateOfId_idx" ON "Feedback"("duplicateOfId");

-- CreateIndex
CREATE INDEX "Feedback_receivedAt_idx" ON "Feedback"("receivedAt");

-- CreateIndex
CREATE INDEX "FeedbackEvent_feedbackId_at_idx" ON "FeedbackEvent"("feedbackId", "at");

-- CreateIndex
CREATE INDEX "FeedbackEvent_actorUserId_idx" ON "FeedbackEvent"("actorUserId");

-- CreateIndex
CREATE INDEX "ReportForm_status_idx" ON "ReportForm"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ReportForm_code_revision_key" ON "ReportForm"("code", "revision");

-- CreateIndex
CREATE INDEX "ReportIndicator_code_idx" ON "ReportIndicator"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ReportIndicator_formId_code_key" ON "ReportIndicator"("formId", "code");

-- CreateIndex
CREATE INDEX "Report_formId_periodStart_idx" ON "Report"("formId", "periodStart");

-- CreateIndex
CREATE INDEX "Report_centreId_periodStart_idx" ON "Report"("centreId", "periodStart");

-- CreateIndex
CREATE INDEX "Report_municipalityId_periodStart_idx" ON "Report"("municipalityId", "periodStart");

-- CreateIndex
CREATE INDEX "Report_regionId_periodStart_status_idx" ON "Report"("regionId", "periodStart", "status");

-- CreateIndex
CREATE INDEX "Report_submittedById_idx" ON "Report"("submittedById");

-- CreateIndex
CREATE INDEX "Report_approvedById_idx" ON "Report"("approvedById");

-- CreateIndex
CREATE INDEX "Report_status_idx" ON "Report"("status");

-- CreateIndex
CREATE INDEX "ReportValue_indicatorId_idx" ON "ReportValue"("indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportValue_reportId_indicatorId_key" ON "ReportValue"("reportId", "indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_key_key" ON "StoredFile"("key");

-- CreateIndex
CREATE INDEX "StoredFile_reportId_createdAt_idx" ON "StoredFile"("reportId", "createdAt");

-- CreateIndex
CREATE INDEX "StoredFile_regionId_idx" ON "StoredFile"("regionId");

-- CreateIndex
CREATE INDEX "StoredFile_uploadedById_idx" ON "StoredFile"("uploadedById");

-- CreateIndex
CREATE INDEX "StoredFile_status_createdAt_idx" ON "StoredFile"("status", "createdAt");

-- CreateIndex
CREATE INDEX "FileAccess_fileId_at_idx" ON "FileAccess"("fileId", "at");

-- CreateIndex
CREATE INDEX "FileAccess_userId_at_idx" ON "FileAccess"("userId", "at");

-- CreateIndex
CREATE INDEX "FileAccess_apiClientId_idx" ON "FileAccess"("apiClientId");

-- CreateIndex
CREATE INDEX "FileAccess_at_idx" ON "FileAccess"("at");

-- CreateIndex
CREATE UNIQUE INDEX "Kpi_code_key" ON "Kpi"("code");

-- CreateIndex
CREATE INDEX "Kpi_regionId_idx" ON "Kpi"("regionId");

-- CreateIndex
CREATE INDEX "KpiValue_regionId_periodStart_idx" ON "KpiValue"("regionId", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "KpiValue_kpiId_regionId_periodStart_key" ON "KpiValue"("kpiId", "regionId", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_centreId_idx" ON "User"("centreId");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE INDEX "UserRegion_regionId_idx" ON "UserRegion"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiClient_keyPrefix_key" ON "ApiClient"("keyPrefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiClient_keyHash_key" ON "ApiClient"("keyHash");

-- CreateIndex
CREATE INDEX "ApiClient_createdById_idx" ON "ApiClient"("createdById");

-- CreateIndex
CREATE INDEX "ChangeLog_entity_entityId_at_idx" ON "ChangeLog"("entity", "entityId", "at");

-- CreateIndex
CREATE INDEX "ChangeLog_actorUserId_at_idx" ON "ChangeLog"("actorUserId", "at");

-- CreateIndex
CREATE INDEX "ChangeLog_actorApiClientId_idx" ON "ChangeLog"("actorApiClientId");

-- CreateIndex
CREATE INDEX "ChangeLog_regionId_at_idx" ON "ChangeLog"("regionId", "at");

-- CreateIndex
CREATE INDEX "ImportBatch_fileId_idx" ON "ImportBatch"("fileId");

-- CreateIndex
CREATE INDEX "ImportBatch_reportId_idx" ON "ImportBatch"("reportId");

-- CreateIndex
CREATE INDEX "ImportBatch_createdById_idx" ON "ImportBatch"("createdById");

-- CreateIndex
CREATE INDEX "ImportBatch_status_startedAt_idx" ON "ImportBatch"("status", "startedAt");

-- AddForeignKey
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Settlement" ADD CONSTRAINT "Settlement_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Centre" ADD CONSTRAINT "Centre_hostOrganisationId_fkey" FOREIGN KEY ("hostOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Centre" ADD CONSTRAINT "Centre_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Centre" ADD CONSTRAINT "Centre_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Centre" ADD CONSTRAINT "Centre_settlementId_fkey" FOREIGN KEY ("settlementId") REFERENCES "Settlement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Centre" ADD CONSTRAINT "Centre_lastVerifiedById_fkey" FOREIGN KEY ("lastVerifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpeningHours" ADD CONSTRAINT "OpeningHours_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpeningHoursException" ADD CONSTRAINT "OpeningHoursException_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MobileVisit" ADD CONSTRAINT "MobileVisit_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MobileVisit" ADD CONSTRAINT "MobileVisit_settlementId_fkey" FOREIGN KEY ("settlementId") REFERENCES "Settlement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MobileVisitDocument" ADD CONSTRAINT "MobileVisitDocument_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "MobileVisit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_competentAuthorityId_fkey" FOREIGN KEY ("competentAuthorityId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CentreService" ADD CONSTRAINT "CentreService_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CentreService" ADD CONSTRAINT "CentreService_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LifeSituation" ADD CONSTRAINT "LifeSituation_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LifeSituationService" ADD CONSTRAINT "LifeSituationService_lifeSituationId_fkey" FOREIGN KEY ("lifeSituationId") REFERENCES "LifeSituation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LifeSituationService" ADD CONSTRAINT "LifeSituationService_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_photoFileId_fkey" FOREIGN KEY ("photoFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CuratorAssignment" ADD CONSTRAINT "CuratorAssignment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CuratorAssignment" ADD CONSTRAINT "CuratorAssignment_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CuratorAssignment" ADD CONSTRAINT "CuratorAssignment_lifeSituationId_fkey" FOREIGN KEY ("lifeSituationId") REFERENCES "LifeSituation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CuratorAssignment" ADD CONSTRAINT "CuratorAssignment_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CuratorAssignment" ADD CONSTRAINT "CuratorAssignment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CuratorAssignment" ADD CONSTRAINT "CuratorAssignment_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityStandard" ADD CONSTRAINT "QualityStandard_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityStandard" ADD CONSTRAINT "QualityStandard_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityTarget" ADD CONSTRAINT "QualityTarget_standardId_fkey" FOREIGN KEY ("standardId") REFERENCES "QualityStandard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityMeasurement" ADD CONSTRAINT "QualityMeasurement_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityMeasurement" ADD CONSTRAINT "QualityMeasurement_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityMeasurement" ADD CONSTRAINT "QualityMeasurement_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityMeasurement" ADD CONSTRAINT "QualityMeasurement_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "FeedbackCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_lifeSituationId_fkey" FOREIGN KEY ("lifeSituationId") REFERENCES "LifeSituation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_assignedCuratorId_fkey" FOREIGN KEY ("assignedCuratorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Feedback"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackEvent" ADD CONSTRAINT "FeedbackEvent_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "Feedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackEvent" ADD CONSTRAINT "FeedbackEvent_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportIndicator" ADD CONSTRAINT "ReportIndicator_formId_fkey" FOREIGN KEY ("formId") REFERENCES "ReportForm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_formId_fkey" FOREIGN KEY ("formId") REFERENCES "ReportForm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportValue" ADD CONSTRAINT "ReportValue_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportValue" ADD CONSTRAINT "ReportValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "ReportIndicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FileAccess" ADD CONSTRAINT "FileAccess_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FileAccess" ADD CONSTRAINT "FileAccess_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FileAccess" ADD CONSTRAINT "FileAccess_apiClientId_fkey" FOREIGN KEY ("apiClientId") REFERENCES "ApiClient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kpi" ADD CONSTRAINT "Kpi_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiValue" ADD CONSTRAINT "KpiValue_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiValue" ADD CONSTRAINT "KpiValue_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRegion" ADD CONSTRAINT "UserRegion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRegion" ADD CONSTRAINT "UserRegion_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiClient" ADD CONSTRAINT "ApiClient_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeLog" ADD CONSTRAINT "ChangeLog_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeLog" ADD CONSTRAINT "ChangeLog_actorApiClientId_fkey" FOREIGN KEY ("actorApiClientId") REFERENCES "ApiClient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- ───────────── Rules Prisma cannot express: partial unique indexes and CHECKs ─────────────

-- At most one primary active curator per (service, region).
CREATE UNIQUE INDEX "CuratorAssignment_primary_active_service_key"
  ON "CuratorAssignment" ("serviceId", "regionId")
  WHERE "primary" AND "validTo" IS NULL AND "targetType" = 'SERVICE';

-- Exactly the column named by targetType is set (REGION uses regionId alone).
ALTER TABLE "CuratorAssignment" ADD CONSTRAINT "CuratorAssignment_target_check" CHECK (
  ("serviceId" IS NOT NULL)::int + ("lifeSituationId" IS NOT NULL)::int
    + ("centreId" IS NOT NULL)::int + ("projectId" IS NOT NULL)::int
  = CASE WHEN "targetType" = 'REGION' THEN 0 ELSE 1 END
  AND ("targetType" <> 'SERVICE' OR "serviceId" IS NOT NULL)
  AND ("targetType" <> 'LIFE_SITUATION' OR "lifeSituationId" IS NOT NULL)
  AND ("targetType" <> 'CENTRE' OR "centreId" IS NOT NULL)
  AND ("targetType" <> 'PROJECT' OR "projectId" IS NOT NULL)
);
ALTER TABLE "CuratorAssignment" ADD CONSTRAINT "CuratorAssignment_period_check"
  CHECK ("validTo" IS NULL OR "validTo" >= "validFrom");

-- One approved revision of a quality standard per service.
CREATE UNIQUE INDEX "QualityStandard_one_approved_key"
  ON "QualityStandard" ("serviceId") WHERE "status" = 'APPROVED';

-- Ratings are 1..5 when given.
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_ratings_check" CHECK (
  ("ratingTime" IS NULL OR "ratingTime" BETWEEN 1 AND 5)
  AND ("ratingWaiting" IS NULL OR "ratingWaiting" BETWEEN 1 AND 5)
  AND ("ratingStaff" IS NULL OR "ratingStaff" BETWEEN 1 AND 5)
  AND ("ratingComfort" IS NULL OR "ratingComfort" BETWEEN 1 AND 5)
  AND ("ratingInformation" IS NULL OR "ratingInformation" BETWEEN 1 AND 5)
);

-- Report values: non-negative, the rural part never above the total.
ALTER TABLE "ReportValue" ADD CONSTRAINT "ReportValue_values_check"
  CHECK ("total" >= 0 AND ("rural" IS NULL OR ("rural" >= 0 AND "rural" <= "total")));

-- A report belongs to exactly the entity its scope names, once per form and period.
ALTER TABLE "Report" ADD CONSTRAINT "Report_scope_check" CHECK (
  ("scope" = 'CENTRE' AND "centreId" IS NOT NULL)
  OR ("scope" = 'MUNICIPALITY' AND "centreId" IS NULL AND "municipalityId" IS NOT NULL)
  OR ("scope" = 'REGION' AND "centreId" IS NULL AND "municipalityId" IS NULL)
);
ALTER TABLE "Report" ADD CONSTRAINT "Report_period_check" CHECK ("periodEnd" >= "periodStart");
CREATE UNIQUE INDEX "Report_centre_period_key"
  ON "Report" ("formId", "centreId", "periodStart") WHERE "scope" = 'CENTRE';
CREATE UNIQUE INDEX "Report_municipality_period_key"
  ON "Report" ("formId", "municipalityId", "periodStart") WHERE "scope" = 'MUNICIPALITY';
CREATE UNIQUE INDEX "Report_region_period_key"
  ON "Report" ("formId", "regionId", "periodStart") WHERE "scope" = 'REGION';

-- Opening hours: ISO weekday and "HH:MM" times in order.
ALTER TABLE "OpeningHours" ADD CONSTRAINT "OpeningHours_check" CHECK (
  "weekday" BETWEEN 1 AND 7
  AND "opens" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
  AND "closes" ~ '^([01][0-9]|2[0-4]):[0-5][0-9]$'
  AND "opens" < "closes"
);
ALTER TABLE "OpeningHoursException" ADD CONSTRAINT "OpeningHoursException_check" CHECK (
  "endsOn" >= "startsOn"
  AND ("closed" OR ("opens" IS NOT NULL AND "closes" IS NOT NULL AND "opens" < "closes"))
);

-- Counts never go negative.
ALTER TABLE "Centre" ADD CONSTRAINT "Centre_equipment_check"
  CHECK ("workstations" >= 0 AND "printers" >= 0 AND "scanners" >= 0);
ALTER TABLE "Centre" ADD CONSTRAINT "Centre_coordinates_check" CHECK (
  ("latitude" IS NULL AND "longitude" IS NULL)
  OR ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180)
);
ALTER TABLE "MobileVisit" ADD CONSTRAINT "MobileVisit_people_check" CHECK ("peopleServed" >= 0);
ALTER TABLE "MobileVisitDocument" ADD CONSTRAINT "MobileVisitDocument_count_check" CHECK ("count" >= 0);
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_size_check" CHECK ("size" >= 0);
