-- DropIndex
DROP INDEX "Alert_organisationId_fingerprint_idx";

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "searchVector" tsvector;

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "capabilities" TEXT[],
    "clearance" "Tlp" NOT NULL DEFAULT 'AMBER',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "organisationId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("organisationId","key")
);

-- CreateTable
CREATE TABLE "SavedView" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_organisationId_createdAt_idx" ON "ApiToken"("organisationId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE INDEX "SavedView_organisationId_shared_idx" ON "SavedView"("organisationId", "shared");

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_organisationId_ownerId_name_key" ON "SavedView"("organisationId", "ownerId", "name");

-- CreateIndex
CREATE INDEX "Alert_organisationId_source_createdAt_id_idx" ON "Alert"("organisationId", "source", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Alert_severity_sort_idx" ON "Alert"("organisationId", "severity" DESC, "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Alert_organisationId_lastSeenAt_id_idx" ON "Alert"("organisationId", "lastSeenAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Alert_searchVector_idx" ON "Alert" USING GIN ("searchVector");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_organisationId_fingerprint_key" ON "Alert"("organisationId", "fingerprint");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search vector for alerts: title (weight A), linked entity names and aliases (B),
-- summary (C). Kept up to date by triggers so that every writer (app, bulk SQL) gets it right.
CREATE FUNCTION vigil_alert_search_vector(alert_id uuid, title text, summary text) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', coalesce(title, '')), 'A')
      || setweight(to_tsvector('english', coalesce((
           SELECT string_agg(e."name" || ' ' || array_to_string(e."aliases", ' '), ' ')
             FROM "AlertEntity" ae JOIN "Entity" e ON e."id" = ae."entityId"
            WHERE ae."alertId" = alert_id), '')), 'B')
      || setweight(to_tsvector('english', coalesce(summary, '')), 'C')
$$;

CREATE FUNCTION vigil_alert_search_on_alert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := vigil_alert_search_vector(NEW."id", NEW."title", NEW."summary");
  RETURN NEW;
END $$;

CREATE TRIGGER "Alert_search_vector"
  BEFORE INSERT OR UPDATE OF "title", "summary" ON "Alert"
  FOR EACH ROW EXECUTE FUNCTION vigil_alert_search_on_alert();

CREATE FUNCTION vigil_alert_search_on_link() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD."alertId" ELSE NEW."alertId" END;
BEGIN
  UPDATE "Alert" a SET "searchVector" = vigil_alert_search_vector(a."id", a."title", a."summary")
   WHERE a."id" = target;
  RETURN NULL;
END $$;

CREATE TRIGGER "AlertEntity_search_vector"
  AFTER INSERT OR DELETE ON "AlertEntity"
  FOR EACH ROW EXECUTE FUNCTION vigil_alert_search_on_link();

CREATE FUNCTION vigil_alert_search_on_entity() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Alert" a SET "searchVector" = vigil_alert_search_vector(a."id", a."title", a."summary")
   WHERE a."id" IN (SELECT ae."alertId" FROM "AlertEntity" ae WHERE ae."entityId" = NEW."id");
  RETURN NULL;
END $$;

CREATE TRIGGER "Entity_search_vector"
  AFTER UPDATE OF "name", "aliases" ON "Entity"
  FOR EACH ROW EXECUTE FUNCTION vigil_alert_search_on_entity();

UPDATE "Alert" SET "searchVector" = vigil_alert_search_vector("id", "title", "summary");
