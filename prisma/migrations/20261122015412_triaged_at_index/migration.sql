-- CreateIndex
CREATE INDEX "Alert_organisationId_triagedAt_idx" ON "Alert"("organisationId", "triagedAt");
