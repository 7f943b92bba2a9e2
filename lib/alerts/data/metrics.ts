import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { AlertStatus, Severity } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { assertCan, type Viewer } from "@/lib/auth/permissions";
import { londonIsoWeek } from "../london-time";
import { alertVisibilitySql, enumIn } from "./visibility-sql";

export interface AlertCounts {
  open: number;
  bySeverity: Record<Severity, number>;
}

export const OPEN_STATUSES: AlertStatus[] = ["NEW", "ACKNOWLEDGED", "TRIAGED"];

/**
 * Open alerts by severity, for the inbox header. In SQL rather than a Prisma groupBy: the RED
 * case-membership rule is then an EXISTS probed only for RED rows, not a join for every row.
 */
export async function countOpenAlerts(viewer: Viewer): Promise<AlertCounts> {
  assertCan(viewer, "alert:read");
  const groups = await getDb().$queryRaw<{ severity: Severity; n: number }[]>(Prisma.sql`
    SELECT a."severity", count(*)::int AS "n"
      FROM "Alert" a
     WHERE ${alertVisibilitySql(viewer)} AND ${enumIn(Prisma.sql`a."status"`, "AlertStatus", OPEN_STATUSES)}
     GROUP BY a."severity"`);
  const bySeverity: Record<Severity, number> = { INFO: 0, LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 };
  for (const g of groups) bySeverity[g.severity] = g.n;
  return { open: groups.reduce((n, g) => n + g.n, 0), bySeverity };
}

export interface TriageMetrics {
  open: AlertCounts;
  /** The ISO week measured: Monday 00:00 to the next Monday 00:00, UK time. */
  week: { start: Date; end: Date };
  /** Visible alerts first acknowledged during the week. */
  acknowledgedThisWeek: number;
  /** Median time from arrival to acknowledgement of those alerts; null when there are none. */
  medianTimeToAcknowledgeMs: number | null;
}

/**
 * The inbox header's numbers, computed in the database within the viewer's visibility. Time to
 * acknowledge is acknowledgedAt − createdAt (see lib/alerts/metrics.ts for the definition);
 * percentile_cont(0.5) interpolates like median() there.
 */
export async function getTriageMetrics(viewer: Viewer, now: Date = new Date()): Promise<TriageMetrics> {
  assertCan(viewer, "alert:read");
  const week = londonIsoWeek(now);
  const [open, acknowledged] = await Promise.all([
    countOpenAlerts(viewer),
    getDb().$queryRaw<[{ n: number; medianMs: number | null }]>(Prisma.sql`
      SELECT count(*)::int AS "n",
             (percentile_cont(0.5) WITHIN GROUP (
                ORDER BY extract(epoch FROM (a."acknowledgedAt" - a."createdAt"))::float8) * 1000)::float8 AS "medianMs"
        FROM "Alert" a
       WHERE ${alertVisibilitySql(viewer)}
         AND a."acknowledgedAt" >= ${week.start.toISOString()}::timestamptz
         AND a."acknowledgedAt" < ${week.end.toISOString()}::timestamptz`),
  ]);
  const { n, medianMs } = acknowledged[0];
  return {
    open,
    week,
    acknowledgedThisWeek: n,
    medianTimeToAcknowledgeMs: medianMs === null ? null : Math.max(0, Math.round(Number(medianMs))),
  };
}
