import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import { assertCan, type Viewer } from "@/lib/auth/permissions";
import { countOpenAlerts } from "@/lib/alerts/data/metrics";
import { alertVisibility } from "@/lib/alerts/data/visibility";
import { alertVisibilitySql } from "@/lib/alerts/data/visibility-sql";
import { lastDays, lastWeeks, ukDaySpan } from "../ranges";
import {
  OPEN_ALERT_STATUSES, SEVERITIES,
  type AlertsPerDayRow, type HighSeverityAlertRow, type SeverityCountRow, type TriageWeekRow,
} from "../types";

// The overview's alert aggregations, computed in the database within the viewer's visibility.
// Days and weeks are UK calendar days and ISO weeks ('Europe/London'), whatever the server's zone.

/** Longest range a chart may ask for (a briefing may freeze a year or so). */
const MAX_DAYS = 800;

/**
 * Alerts that arrived (createdAt) on each UK day from `range.from`'s day to `range.to`'s, both
 * inclusive, by kind; every day present, zero-filled. Kinds the viewer may not see count 0.
 */
export async function alertsPerDayByKind(viewer: Viewer, range: { from: Date; to: Date }): Promise<AlertsPerDayRow[]> {
  assertCan(viewer, "alert:read");
  const span = ukDaySpan(range);
  if (span.end <= span.start) return [];
  if (span.end.getTime() - span.start.getTime() > MAX_DAYS * 86_400_000) throw new RangeError(`At most ${MAX_DAYS} days`);
  return getDb().$queryRaw<AlertsPerDayRow[]>(Prisma.sql`
    WITH counts AS (
      SELECT (a."createdAt" AT TIME ZONE 'Europe/London')::date AS "day",
             count(*) FILTER (WHERE a."kind" = 'ADVISORY')::int AS "ADVISORY",
             count(*) FILTER (WHERE a."kind" = 'INCIDENT')::int AS "INCIDENT",
             count(*) FILTER (WHERE a."kind" = 'VETTING')::int AS "VETTING",
             count(*) FILTER (WHERE a."kind" = 'BALLOT')::int AS "BALLOT"
        FROM "Alert" a
       WHERE ${alertVisibilitySql(viewer)}
         AND a."createdAt" >= ${span.start.toISOString()}::timestamptz
         AND a."createdAt" < ${span.end.toISOString()}::timestamptz
       GROUP BY 1
    )
    SELECT to_char(d."day", 'YYYY-MM-DD') AS "day",
           coalesce(c."ADVISORY", 0)::int AS "ADVISORY", coalesce(c."INCIDENT", 0)::int AS "INCIDENT",
           coalesce(c."VETTING", 0)::int AS "VETTING", coalesce(c."BALLOT", 0)::int AS "BALLOT"
      FROM generate_series(${span.firstDay}::date, ${span.lastDay}::date, interval '1 day') AS g(t)
      CROSS JOIN LATERAL (SELECT g.t::date AS "day") d
      LEFT JOIN counts c ON c."day" = d."day"
     ORDER BY d."day"`);
}

/** The same, for the last 30 or 90 UK days up to now (the overview's toggle). */
export function alertsPerDayForLastDays(viewer: Viewer, days: 30 | 90, now: Date = new Date()): Promise<AlertsPerDayRow[]> {
  return alertsPerDayByKind(viewer, lastDays(days, now));
}

/** Open alerts (new, acknowledged, triaged) by severity, every severity present, INFO first. */
export async function openAlertsBySeverity(viewer: Viewer): Promise<SeverityCountRow[]> {
  const { bySeverity } = await countOpenAlerts(viewer);
  return SEVERITIES.map((severity) => ({ severity, count: bySeverity[severity] }));
}

type TriageColumn = "acknowledgedAt" | "triagedAt";

/** Weekly median of `column` − createdAt over the weeks of `span`, every week present. */
function weeklyMedians(viewer: Viewer, column: TriageColumn, span: ReturnType<typeof lastWeeks>) {
  const col = Prisma.raw(`a."${column}"`);
  return getDb().$queryRaw<{ week: string; ms: number | null; n: number }[]>(Prisma.sql`
    WITH m AS (
      SELECT date_trunc('week', ${col} AT TIME ZONE 'Europe/London')::date AS "week",
             (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (${col} - a."createdAt"))::float8) * 1000)::float8 AS "ms",
             count(*)::int AS "n"
        FROM "Alert" a
       WHERE ${alertVisibilitySql(viewer)}
         AND ${col} >= ${span.start.toISOString()}::timestamptz AND ${col} < ${span.end.toISOString()}::timestamptz
       GROUP BY 1
    )
    SELECT to_char(w."week", 'YYYY-MM-DD') AS "week", m."ms", coalesce(m."n", 0)::int AS "n"
      FROM generate_series(${span.firstMonday}::date, ${span.lastMonday}::date, interval '7 days') AS g(t)
      CROSS JOIN LATERAL (SELECT g.t::date AS "week") w
      LEFT JOIN m ON m."week" = w."week"
     ORDER BY w."week"`);
}

/**
 * Median time to acknowledge and to triage per UK ISO week, for the last `weeks` weeks including
 * the current one; every week present. An alert counts in the week it was acknowledged (or
 * triaged), as in the inbox header (lib/alerts/data/metrics.ts); durations are from createdAt.
 * Two queries run side by side rather than one doing both in turn.
 */
export async function triageTimesPerWeek(viewer: Viewer, options: { weeks: number }, now: Date = new Date()): Promise<TriageWeekRow[]> {
  assertCan(viewer, "alert:read");
  const weeks = Math.min(104, Math.max(1, Math.trunc(options.weeks)));
  const span = lastWeeks(weeks, now);
  const [ack, tri] = await Promise.all([weeklyMedians(viewer, "acknowledgedAt", span), weeklyMedians(viewer, "triagedAt", span)]);
  const ms = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.max(0, Math.round(Number(v))));
  return ack.map((a, i) => ({
    week: a.week, medianAcknowledgeMs: ms(a.ms), acknowledged: a.n, medianTriageMs: ms(tri[i]?.ms), triaged: tri[i]?.n ?? 0,
  }));
}

/** The newest open HIGH and CRITICAL alerts. */
export async function newestHighSeverityAlerts(viewer: Viewer, limit = 10): Promise<HighSeverityAlertRow[]> {
  assertCan(viewer, "alert:read");
  return getDb().alert.findMany({
    where: { AND: [alertVisibility(viewer), { severity: { in: ["HIGH", "CRITICAL"] }, status: { in: [...OPEN_ALERT_STATUSES] } }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(50, Math.max(1, Math.trunc(limit))),
    select: { id: true, title: true, kind: true, severity: true, tlp: true, status: true, createdAt: true },
  });
}
