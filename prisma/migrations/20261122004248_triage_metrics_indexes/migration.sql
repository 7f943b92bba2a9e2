-- CreateIndex
CREATE INDEX "Alert_organisationId_acknowledgedAt_idx" ON "Alert"("organisationId", "acknowledgedAt");

-- CreateIndex
CREATE INDEX "Alert_open_counts_idx" ON "Alert"("organisationId", "status", "severity", "tlp", "kind", "assigneeId", "caseId");
