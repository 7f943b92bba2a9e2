-- AlterTable
ALTER TABLE "Note" ADD COLUMN     "tlp" "Tlp" NOT NULL DEFAULT 'AMBER';

-- AlterTable
ALTER TABLE "TimelineEvent" ADD COLUMN     "key" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "href" TEXT NOT NULL,
    "caseId" UUID,
    "actorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Case_organisationId_ownerId_updatedAt_idx" ON "Case"("organisationId", "ownerId", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Case_organisationId_severity_updatedAt_idx" ON "Case"("organisationId", "severity", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Case_organisationId_tlp_updatedAt_idx" ON "Case"("organisationId", "tlp", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Case_organisationId_updatedAt_id_idx" ON "Case"("organisationId", "updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Case_tags_idx" ON "Case" USING GIN ("tags");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
