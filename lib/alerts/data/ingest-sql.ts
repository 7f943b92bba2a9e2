import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { AlertKind, AlertStatus, Tlp } from "@/lib/db/generated/enums";
import { uuidV7 } from "@/lib/db/uuid";
import type { PlannedAlert } from "../ingest-batch";

// The bulk statements behind ingestAlerts(): one statement for up to 1,000 alerts, one for their
// entities and one for the links, whatever the batch size. Values travel as a handful of array
// parameters expanded with unnest() — always parameterised, never spliced into the SQL text.
// Arrays are sent as text[] and cast in SQL: the embedded driver serialises only text arrays
// faithfully.

type Tx = Prisma.TransactionClient;

export interface UpsertedAlert {
  /** The planned fingerprint this row answers. */
  fingerprint: string;
  id: string;
  inserted: boolean;
  /** Status before this statement (null when inserted). */
  previousStatus: AlertStatus | null;
  status: AlertStatus;
  tlp: Tlp;
  kind: AlertKind;
}

interface Row {
  id: string;
  fp: string;
  inserted: boolean;
  status: AlertStatus;
  prev_status: AlertStatus | null;
  tlp: Tlp;
  kind: AlertKind;
}

/**
 * Inserts new alerts and folds repeats into existing ones, per fingerprint:
 * occurrences add up, lastSeenAt only moves forward, firstSeenAt and content are kept, severity
 * only rises, and a DISMISSED alert reopens (NEW, closedAt cleared, reason noted) only when the
 * repeat is more severe than what was dismissed. Every update bumps version and updatedAt.
 *
 * The fingerprint (lib/alerts/fingerprint.ts) is the only unique key: it encodes source +
 * sourceRef when there is one, so ON CONFLICT on it cannot collide with another constraint.
 *
 * `previousStatus` comes from the statement's snapshot; under a concurrent change it may be
 * stale, which affects only the status reported to the client, never the row.
 */
export async function upsertAlerts(tx: Tx, organisationId: string, planned: readonly PlannedAlert[], now: Date): Promise<UpsertedAlert[]> {
  if (planned.length === 0) return [];
  const col = <T>(pick: (p: PlannedAlert) => T) => planned.map(pick);
  const nowMs = now.getTime();
  const rows = await tx.$queryRaw<Row[]>`
    WITH input AS (
      SELECT t.*, t.fp AS resolved
        FROM unnest(
          ${col(() => uuidV7(nowMs))}::text[]::uuid[],
          ${col((p) => p.kind)}::text[]::"AlertKind"[],
          ${col((p) => p.title)}::text[],
          ${col((p) => p.summary)}::text[],
          ${col((p) => p.severity)}::text[]::"Severity"[],
          ${col((p) => p.tlp)}::text[]::"Tlp"[],
          ${col((p) => p.source)}::text[],
          ${col((p) => p.sourceRef)}::text[],
          ${col((p) => p.fingerprint)}::text[],
          ${col((p) => String(p.occurrences))}::text[]::int[],
          ${col((p) => p.firstSeenAt.toISOString())}::text[]::timestamptz[],
          ${col((p) => p.lastSeenAt.toISOString())}::text[]::timestamptz[]
        ) AS t(id, kind, title, summary, severity, tlp, source, source_ref, fp, occurrences, first_seen, last_seen)
    ),
    previous AS (
      SELECT a."fingerprint", a."status"
        FROM "Alert" a
       WHERE a."organisationId" = ${organisationId}::uuid
         AND a."fingerprint" IN (SELECT resolved FROM input)
    ),
    upserted AS (
      INSERT INTO "Alert" AS a (
        "id", "organisationId", "kind", "title", "summary", "severity", "tlp", "source", "sourceRef",
        "fingerprint", "occurrences", "firstSeenAt", "lastSeenAt", "updatedAt"
      )
      SELECT id, ${organisationId}::uuid, kind, title, summary, severity, tlp, source, source_ref,
             resolved, occurrences, first_seen, last_seen, ${now.toISOString()}::timestamptz
        FROM input
        -- One global lock order: concurrent batches that share alerts wait, never deadlock.
       ORDER BY resolved
      ON CONFLICT ("organisationId", "fingerprint") DO UPDATE SET
        "occurrences" = a."occurrences" + EXCLUDED."occurrences",
        "lastSeenAt" = GREATEST(a."lastSeenAt", EXCLUDED."lastSeenAt"),
        "severity" = GREATEST(a."severity", EXCLUDED."severity"),
        "status" = CASE WHEN a."status" = 'DISMISSED' AND EXCLUDED."severity" > a."severity"
                        THEN 'NEW'::"AlertStatus" ELSE a."status" END,
        "closedAt" = CASE WHEN a."status" = 'DISMISSED' AND EXCLUDED."severity" > a."severity"
                          THEN NULL ELSE a."closedAt" END,
        "statusReason" = CASE WHEN a."status" = 'DISMISSED' AND EXCLUDED."severity" > a."severity"
                              THEN 'Reopened automatically: a repeat arrived at severity ' || EXCLUDED."severity"::text
                                   || ', above the dismissed ' || a."severity"::text || '.'
                              ELSE a."statusReason" END,
        "version" = a."version" + 1,
        "updatedAt" = EXCLUDED."updatedAt"
      RETURNING a."id", a."fingerprint", (a.xmax = 0) AS inserted, a."status", a."tlp", a."kind"
    )
    SELECT u."id"::text AS id, i.fp, u.inserted, u."status"::text AS status, p."status"::text AS prev_status,
           u."tlp"::text AS tlp, u."kind"::text AS kind
      FROM upserted u
      JOIN input i ON i.resolved = u."fingerprint"
      LEFT JOIN previous p ON p."fingerprint" = u."fingerprint"`;

  return rows.map((r) => ({
    fingerprint: r.fp,
    id: r.id,
    inserted: r.inserted,
    previousStatus: r.inserted ? null : r.prev_status,
    status: r.status,
    tlp: r.tlp,
    kind: r.kind,
  }));
}

/**
 * Creates missing entities by (organisation, kind, name) and links them to their alerts.
 * Existing entities are left untouched: updating them would re-index every linked alert.
 */
export async function linkEntities(
  tx: Tx,
  organisationId: string,
  links: readonly { alertId: string; kind: string; name: string }[],
  now: Date,
): Promise<void> {
  if (links.length === 0) return;
  // Sorted so that concurrent batches take entity and link locks in the same order.
  const byKey = (l: { kind: string; name: string }) => `${l.kind}\0${l.name}`;
  const distinct = [...new Map(links.map((l) => [byKey(l), l])).values()].sort((a, b) => (byKey(a) < byKey(b) ? -1 : 1));
  const sortedLinks = [...links].sort((a, b) => (a.alertId + byKey(a) < b.alertId + byKey(b) ? -1 : 1));
  const nowMs = now.getTime();
  await tx.$executeRaw`
    INSERT INTO "Entity" ("id", "organisationId", "kind", "name", "aliases", "updatedAt")
    SELECT id, ${organisationId}::uuid, kind, name, '{}'::text[], ${now.toISOString()}::timestamptz
      FROM unnest(
        ${distinct.map(() => uuidV7(nowMs))}::text[]::uuid[],
        ${distinct.map((l) => l.kind)}::text[]::"EntityKind"[],
        ${distinct.map((l) => l.name)}::text[]
      ) AS t(id, kind, name)
     ORDER BY kind, name
    ON CONFLICT ("organisationId", "kind", "name") DO NOTHING`;
  // A separate statement, so it sees entities that a concurrent batch committed meanwhile.
  await tx.$executeRaw`
    INSERT INTO "AlertEntity" ("alertId", "entityId")
    SELECT l.alert_id, e."id"
      FROM unnest(
        ${sortedLinks.map((l) => l.alertId)}::text[]::uuid[],
        ${sortedLinks.map((l) => l.kind)}::text[]::"EntityKind"[],
        ${sortedLinks.map((l) => l.name)}::text[]
      ) AS l(alert_id, kind, name)
      JOIN "Entity" e ON e."organisationId" = ${organisationId}::uuid AND e."kind" = l.kind AND e."name" = l.name
     ORDER BY l.alert_id, e."id"
    ON CONFLICT DO NOTHING`;
}

/**
 * A repeat that landed on a MERGED duplicate also counts on the alert it was merged into, so the
 * primary (the one people work) shows every sighting. Returns the primaries that changed.
 */
export async function rollUpMergedRepeats(
  tx: Tx,
  organisationId: string,
  hits: readonly { id: string; occurrences: number; lastSeenAt: Date }[],
  now: Date,
): Promise<string[]> {
  if (hits.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "Alert" p
       SET "occurrences" = p."occurrences" + d.added,
           "lastSeenAt" = GREATEST(p."lastSeenAt", d.last_seen),
           "version" = p."version" + 1,
           "updatedAt" = ${now.toISOString()}::timestamptz
      FROM (
        SELECT m."mergedIntoId" AS primary_id, sum(t.added)::int AS added, max(t.last_seen) AS last_seen
          FROM unnest(
            ${hits.map((h) => h.id)}::text[]::uuid[],
            ${hits.map((h) => String(h.occurrences))}::text[]::int[],
            ${hits.map((h) => h.lastSeenAt.toISOString())}::text[]::timestamptz[]
          ) AS t(id, added, last_seen)
          JOIN "Alert" m ON m."id" = t.id AND m."organisationId" = ${organisationId}::uuid AND m."mergedIntoId" IS NOT NULL
         GROUP BY m."mergedIntoId"
      ) d
     WHERE p."id" = d.primary_id AND p."organisationId" = ${organisationId}::uuid
    RETURNING p."id"::text AS id`;
  return rows.map((r) => r.id);
}
