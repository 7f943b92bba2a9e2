import { createHash } from "node:crypto";
import type { UserViewer } from "../lib/auth/permissions";
import { londonDate } from "../lib/alerts/london-time";
import { addDays, lastWeeks } from "../lib/dashboard/ranges";
import type { Fixture, Sql } from "./generate";

// Hand-written SQL doing the same work as the app for the same viewer: the visibility rule, the
// filters, the first page (51 rows, with the assignee's name), and the count capped at 10,001.

const VISIBLE = `a."organisationId" = $1
  AND a.kind <> 'VETTING'
  AND (a.tlp IN ('CLEAR','GREEN','AMBER','AMBER_STRICT')
       OR (a.tlp = 'RED' AND (a."assigneeId" = $2
           OR a."caseId" IN (SELECT "caseId" FROM "CaseMember" WHERE "userId" = $2))))`;

const COLUMNS = `a.id, a.kind, a.title, a.severity, a.tlp, a.status, a.source, a.occurrences, a."createdAt", a."lastSeenAt", a.version,
  u.id AS "assigneeId", u.name AS "assigneeName"`;

// The inbox page and its count are separate requests in the app (the count streams in after the
// rows), so they are measured separately here too.
function page(sql: Sql, where: string, params: unknown[]) {
  return sql.query(
    `SELECT ${COLUMNS} FROM "Alert" a LEFT JOIN "User" u ON u.id = a."assigneeId"
      WHERE ${where} ORDER BY a."createdAt" DESC, a.id DESC LIMIT 51`,
    params,
  );
}

function cappedCount(sql: Sql, where: string, params: unknown[]) {
  return sql.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM "Alert" a WHERE ${where} LIMIT 10001) s`, params);
}

const INBOX_FILTER = `${VISIBLE} AND a.kind = 'INCIDENT' AND a.status = 'NEW'`;
const SEARCH_FILTER = `${VISIBLE} AND a."searchVector" @@ websearch_to_tsquery('english', $3)`;

export const baselineInbox = (sql: Sql, fx: Fixture, viewer: UserViewer) => page(sql, INBOX_FILTER, [fx.organisationId, viewer.userId]);
export const baselineInboxCount = (sql: Sql, fx: Fixture, viewer: UserViewer) => cappedCount(sql, INBOX_FILTER, [fx.organisationId, viewer.userId]);
export const baselineSearch = (sql: Sql, fx: Fixture, viewer: UserViewer, q: string) => page(sql, SEARCH_FILTER, [fx.organisationId, viewer.userId, q]);

/** The same new alerts the API was sent, inserted raw in batches; returns the seconds taken. */
export async function baselineIngest(sql: Sql, fx: Fixture, batches: number, batchSize: number): Promise<number> {
  const started = performance.now();
  for (let b = 0; b < batches; b++) {
    const titles: string[] = [];
    const refs: string[] = [];
    const prints: string[] = [];
    for (let i = 0; i < batchSize; i++) {
      titles.push(`Raw beacon ${b}-${i}`);
      refs.push(`raw-${b}-${i}`);
      prints.push(createHash("sha256").update(`ref\0bench-raw\0raw-${b}-${i}`).digest("hex"));
    }
    await sql.query(
      `INSERT INTO "Alert"(id, "organisationId", kind, title, summary, severity, tlp, status, source, "sourceRef", fingerprint,
         "firstSeenAt", "lastSeenAt", "updatedAt")
       SELECT gen_random_uuid(), $1, 'INCIDENT', t.title, 'Benchmark ingestion', 'MEDIUM', 'AMBER', 'NEW', 'bench-raw', t.ref, t.fp,
              now(), now(), now()
         FROM unnest($2::text[], $3::text[], $4::text[]) AS t(title, ref, fp)
       ON CONFLICT ("organisationId", fingerprint) DO UPDATE
         SET occurrences = "Alert".occurrences + 1, "lastSeenAt" = greatest("Alert"."lastSeenAt", excluded."lastSeenAt"),
             version = "Alert".version + 1, "updatedAt" = now()`,
      [fx.organisationId, titles, refs, prints],
    );
  }
  return (performance.now() - started) / 1000;
}

// ---- Dashboard overview: the same seven aggregations the overview page runs, in parallel ----

const OPEN = `a.status IN ('NEW','ACKNOWLEDGED','TRIAGED')`;
// Cases an ANALYST cleared to AMBER+STRICT may see: their organisation's up to AMBER+STRICT, RED
// as a named member; cases shared with them CLEAR/GREEN, AMBER as a named member.
const CASE_VISIBLE = `(
  (c."organisationId" = $1 AND (c.tlp IN ('CLEAR','GREEN','AMBER','AMBER_STRICT')
     OR (c.tlp = 'RED' AND EXISTS (SELECT 1 FROM "CaseMember" m WHERE m."caseId" = c.id AND m."userId" = $2))))
  OR (EXISTS (SELECT 1 FROM "CaseShare" s WHERE s."caseId" = c.id AND s."organisationId" = $1) AND (c.tlp IN ('CLEAR','GREEN')
     OR (c.tlp = 'AMBER' AND EXISTS (SELECT 1 FROM "CaseMember" m WHERE m."caseId" = c.id AND m."userId" = $2)))))`;


function weeklyMedian(column: "acknowledgedAt" | "triagedAt") {
  return `SELECT date_trunc('week', a."${column}" AT TIME ZONE 'Europe/London')::date AS week,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a."${column}" - a."createdAt")) * 1000 AS ms,
                 count(*)::int AS n
            FROM "Alert" a WHERE ${VISIBLE} AND a."${column}" >= $3::timestamptz AND a."${column}" < $4::timestamptz GROUP BY 1`;
}

/** All seven overview queries, in parallel (on a pool when given one, as the app's adapter is). */
export async function baselineDashboard(sql: Sql, fx: Fixture, viewer: UserViewer, now = new Date()): Promise<unknown[]> {
  const p = [fx.organisationId, viewer.userId];
  // Calendar arithmetic is not what is measured: the bounds come from the same pure helpers.
  const today = londonDate(now);
  const first = addDays(today, -29);
  const weeks = lastWeeks(12, now);
  const sinceToday = `($3::date)::timestamp AT TIME ZONE 'Europe/London'`;
  return Promise.all([
    sql.query(
      `WITH c AS (
         SELECT (a."createdAt" AT TIME ZONE 'Europe/London')::date AS day,
                count(*) FILTER (WHERE a.kind = 'ADVISORY')::int AS "ADVISORY", count(*) FILTER (WHERE a.kind = 'INCIDENT')::int AS "INCIDENT",
                count(*) FILTER (WHERE a.kind = 'VETTING')::int AS "VETTING", count(*) FILTER (WHERE a.kind = 'BALLOT')::int AS "BALLOT"
           FROM "Alert" a
          WHERE ${VISIBLE} AND a."createdAt" >= ($3::date)::timestamp AT TIME ZONE 'Europe/London'
            AND a."createdAt" < ($4::date + 1)::timestamp AT TIME ZONE 'Europe/London'
          GROUP BY 1)
       SELECT to_char(d, 'YYYY-MM-DD') AS day, coalesce(c."ADVISORY", 0) AS "ADVISORY", coalesce(c."INCIDENT", 0) AS "INCIDENT",
              coalesce(c."VETTING", 0) AS "VETTING", coalesce(c."BALLOT", 0) AS "BALLOT"
         FROM generate_series($3::date, $4::date, interval '1 day') d LEFT JOIN c ON c.day = d::date ORDER BY 1`,
      [...p, first, today],
    ),
    sql.query(`SELECT a.severity, count(*)::int AS n FROM "Alert" a WHERE ${VISIBLE} AND ${OPEN} GROUP BY 1`, p),
    sql.query(
      `SELECT to_char(w, 'YYYY-MM-DD') AS week, ack.ms AS "ackMs", coalesce(ack.n, 0) AS "ackN", tri.ms AS "triMs", coalesce(tri.n, 0) AS "triN"
         FROM generate_series($5::date, $6::date, interval '7 days') w
         LEFT JOIN (${weeklyMedian("acknowledgedAt")}) ack ON ack.week = w::date
         LEFT JOIN (${weeklyMedian("triagedAt")}) tri ON tri.week = w::date
        ORDER BY 1`,
      [...p, weeks.start.toISOString(), weeks.end.toISOString(), weeks.firstMonday, weeks.lastMonday],
    ),
    sql.query(`SELECT c.status, c.severity, count(*)::int AS n FROM "Case" c WHERE ${CASE_VISIBLE} AND c.status <> 'CLOSED' GROUP BY 1, 2`, p),
    sql.query(
      `SELECT count(*) OVER ()::int AS total, t.id, t.title, t.status, t."dueAt", t."caseId", c.title AS "caseTitle", u.name AS assignee
         FROM "Task" t JOIN "Case" c ON c.id = t."caseId" LEFT JOIN "User" u ON u.id = t."assigneeId"
        WHERE t."organisationId" = $1 AND c."organisationId" = $1 AND ${CASE_VISIBLE}
          AND t.status <> 'DONE' AND t."dueAt" < ${sinceToday}
        ORDER BY t."dueAt", t.id LIMIT 10`,
      [...p, today],
    ),
    sql.query(
      `SELECT a.id, a.title, a.kind, a.severity, a.tlp, a.status, a."createdAt" FROM "Alert" a
        WHERE ${VISIBLE} AND ${OPEN} AND a.severity IN ('HIGH','CRITICAL') ORDER BY a."createdAt" DESC, a.id DESC LIMIT 10`,
      p,
    ),
    sql.query(
      `SELECT count(*) OVER ()::int AS total, c.id, c.title, c.status, c.severity, c.tlp, c."updatedAt" FROM "Case" c
        WHERE ${CASE_VISIBLE} AND c."updatedAt" >= ${sinceToday} ORDER BY c."updatedAt" DESC, c.id DESC LIMIT 10`,
      [...p, today],
    ),
  ]);
}
