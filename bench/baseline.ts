import { createHash } from "node:crypto";
import type { UserViewer } from "../lib/auth/permissions";
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
