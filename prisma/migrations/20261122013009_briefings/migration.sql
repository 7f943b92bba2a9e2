-- CreateEnum
CREATE TYPE "BriefingStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateTable
CREATE TABLE "Briefing" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "audienceOrganisationId" UUID,
    "tlp" "Tlp" NOT NULL DEFAULT 'AMBER',
    "status" "BriefingStatus" NOT NULL DEFAULT 'DRAFT',
    "sections" JSONB NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Briefing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BriefingVersion" (
    "id" UUID NOT NULL,
    "briefingId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "tlp" "Tlp" NOT NULL,
    "snapshot" JSONB NOT NULL,
    "omitted" INTEGER NOT NULL DEFAULT 0,
    "publishedById" UUID,
    "publishedBy" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMPTZ(3),

    CONSTRAINT "BriefingVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BriefingLink" (
    "id" UUID NOT NULL,
    "briefingId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "BriefingLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Briefing_organisationId_updatedAt_idx" ON "Briefing"("organisationId", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Briefing_audienceOrganisationId_status_idx" ON "Briefing"("audienceOrganisationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "BriefingVersion_briefingId_number_key" ON "BriefingVersion"("briefingId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "BriefingLink_tokenHash_key" ON "BriefingLink"("tokenHash");

-- CreateIndex
CREATE INDEX "BriefingLink_briefingId_idx" ON "BriefingLink"("briefingId");

-- AddForeignKey
ALTER TABLE "Briefing" ADD CONSTRAINT "Briefing_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Briefing" ADD CONSTRAINT "Briefing_audienceOrganisationId_fkey" FOREIGN KEY ("audienceOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BriefingVersion" ADD CONSTRAINT "BriefingVersion_briefingId_fkey" FOREIGN KEY ("briefingId") REFERENCES "Briefing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BriefingLink" ADD CONSTRAINT "BriefingLink_briefingId_fkey" FOREIGN KEY ("briefingId") REFERENCES "Briefing"("id") ON DELETE CASCADE ON UPDATE CASCADE;
