import "server-only";
import type { AlertKind, AlertStatus, Severity, Tlp } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { assertCan, type Viewer } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/http/errors";
import { alertVisibility } from "./visibility";
import { alertVisibilitySql } from "./visibility-sql";

export interface SimilarAlert {
  id: string;
  kind: AlertKind;
  title: string;
  severity: Severity;
  tlp: Tlp;
  status: AlertStatus;
  lastSeenAt: Date;
  assignee: { id: string; name: string } | null;
  /** How many of the given alert's linked entities this alert shares. */
  sharedEntities: number;
}

interface SimilarRow {
  id: string;
  kind: AlertKind;
  title: string;
  severity: Severity;
  tlp: Tlp;
  status: AlertStatus;
  lastSeenAt: Date;
  assigneeId: string | null;
  assigneeName: string | null;
  sharedEntities: number;
}

export const MAX_SIMILAR_ALERTS = 50;

/**
 * Alerts sharing at least one linked entity with the given alert, most shared entities first,
 * then most recently seen. One query, whatever the number of entities or candidates.
 */
export async function listSimilarAlerts(viewer: Viewer, alertId: string, limit = 10): Promise<SimilarAlert[]> {
  assertCan(viewer, "alert:read");
  const take = Math.min(Math.max(1, Math.trunc(limit)), MAX_SIMILAR_ALERTS);
  const db = getDb();
  const source = await db.alert.findFirst({ where: { AND: [{ id: alertId }, alertVisibility(viewer)] }, select: { id: true } });
  if (!source) throw new NotFoundError("Alert");

  const rows = await db.$queryRaw<SimilarRow[]>`
    WITH shared AS (
      SELECT other."alertId", COUNT(*)::int AS n
      FROM "AlertEntity" mine
      JOIN "AlertEntity" other ON other."entityId" = mine."entityId" AND other."alertId" <> mine."alertId"
      WHERE mine."alertId" = ${source.id}::uuid
      GROUP BY other."alertId"
    )
    SELECT a.id, a."kind"::text AS "kind", a.title, a."severity"::text AS "severity", a."tlp"::text AS "tlp",
           a."status"::text AS "status", a."lastSeenAt", u.id AS "assigneeId", u.name AS "assigneeName",
           shared.n AS "sharedEntities"
    FROM shared
    JOIN "Alert" a ON a.id = shared."alertId"
    LEFT JOIN "User" u ON u.id = a."assigneeId"
    WHERE ${alertVisibilitySql(viewer)}
    ORDER BY shared.n DESC, a."lastSeenAt" DESC, a.id DESC
    LIMIT ${take}`;

  return rows.map(({ assigneeId, assigneeName, ...row }) => ({
    ...row,
    lastSeenAt: new Date(row.lastSeenAt),
    sharedEntities: Number(row.sharedEntities),
    assignee: assigneeId ? { id: assigneeId, name: assigneeName ?? "" } : null,
  }));
}
