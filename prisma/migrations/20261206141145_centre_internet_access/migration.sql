-- AlterTable
ALTER TABLE "Centre" ADD COLUMN     "internetAccess" BOOLEAN NOT NULL DEFAULT true;

