import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { EntityKind } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { assertCan, type Viewer } from "@/lib/auth/permissions";
import { alertVisibilitySql } from "./visibility-sql";

// Choices for the inbox's source and entity filters: only what the viewer's visible alerts use,
// so that a filter list never reveals alerts the viewer may not see.

/** Enough for a select; an organisation with more asks for a text search instead. */
export const FILTER_OPTION_LIMIT = 300;

/**
 * Distinct sources of visible alerts, alphabetically. A loose index scan over
 * (organisationId, source, …): one index probe per distinct source instead of reading every row.
 */
export async function listAlertSources(viewer: Viewer): Promise<string[]> {
  assertCan(viewer, "alert:read");
  const visible = alertVisibilitySql(viewer);
  const rows = await getDb().$queryRaw<{ source: string }[]>(Prisma.sql`
    WITH RECURSIVE sources("source") AS (
      (SELECT a."source" FROM "Alert" a WHERE ${visible} ORDER BY a."source" LIMIT 1)
      UNION ALL
      SELECT (SELECT a."source" FROM "Alert" a WHERE ${visible} AND a."source" > s."source" ORDER BY a."source" LIMIT 1)
        FROM sources s
       WHERE s."source" IS NOT NULL
    )
    SELECT "source" FROM sources WHERE "source" IS NOT NULL LIMIT ${FILTER_OPTION_LIMIT}`);
  return rows.map((r) => r.source);
}

export interface AlertEntityOption {
  id: string;
  name: string;
  kind: EntityKind;
}

/**
 * Entities of the viewer's organisation linked to at least one alert the viewer can see. The
 * LATERAL … LIMIT 1 keeps it a probe per entity (AlertEntity by entityId, then the alert by id)
 * that stops at the first visible alert, instead of joining every link of every entity.
 */
export async function listAlertEntities(viewer: Viewer): Promise<AlertEntityOption[]> {
  assertCan(viewer, "alert:read");
  return getDb().$queryRaw<AlertEntityOption[]>(Prisma.sql`
    SELECT e."id", e."name", e."kind"
      FROM "Entity" e
     CROSS JOIN LATERAL (
           SELECT 1 FROM "AlertEntity" ae JOIN "Alert" a ON a."id" = ae."alertId"
            WHERE ae."entityId" = e."id" AND ${alertVisibilitySql(viewer)}
            LIMIT 1) seen
     WHERE e."organisationId" = ${viewer.organisationId}::uuid
     ORDER BY e."name", e."id"
     LIMIT ${FILTER_OPTION_LIMIT}`);
}
