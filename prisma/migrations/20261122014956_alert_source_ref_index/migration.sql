-- DropIndex
DROP INDEX "Alert_organisationId_source_sourceRef_key";

-- CreateIndex
CREATE INDEX "Alert_organisationId_source_sourceRef_idx" ON "Alert"("organisationId", "source", "sourceRef");
