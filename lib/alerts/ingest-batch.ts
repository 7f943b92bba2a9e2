import type { AlertKind, EntityKind, Severity, Tlp } from "@/lib/db/generated/enums";
import { TLP_ORDER } from "@/lib/auth/tlp";
import { alertFingerprint } from "./fingerprint";
import type { IngestAlert } from "./ingest-schema";

// Pure planning of an ingestion batch: one row per distinct fingerprint. Repeats inside one
// request are folded together before the database sees them (an INSERT … ON CONFLICT may not
// touch the same row twice in one statement) and count as occurrences, exactly as if they had
// arrived in separate requests.

export const SEVERITY_ORDER: readonly Severity[] = ["INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"];

export interface PlannedEntity {
  kind: EntityKind;
  name: string;
}

export interface PlannedAlert {
  fingerprint: string;
  kind: AlertKind;
  title: string;
  summary: string;
  /** The highest severity among the folded items. */
  severity: Severity;
  /** The most restrictive TLP among the folded items. */
  tlp: Tlp;
  source: string;
  sourceRef: string | null;
  occurrences: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  entities: PlannedEntity[];
  /** Indexes of the request items folded into this row, in request order. */
  itemIndexes: number[];
}

function maxBy<T>(order: readonly T[], a: T, b: T): T {
  return order.indexOf(b) > order.indexOf(a) ? b : a;
}

/** When the source first saw it and when this sighting was: both default to `now`. */
export function sightingTimes(alert: { occurredAt?: Date; firstSeenAt?: Date }, now: Date): { firstSeenAt: Date; lastSeenAt: Date } {
  const seen = alert.occurredAt ?? now;
  const first = alert.firstSeenAt ?? seen;
  return { firstSeenAt: first, lastSeenAt: first > seen ? first : seen };
}

/** Folds items with the same fingerprint; keeps the first item's content. */
export function planIngestBatch(items: readonly { index: number; alert: IngestAlert }[], now: Date): PlannedAlert[] {
  const byFingerprint = new Map<string, PlannedAlert>();
  for (const { index, alert } of items) {
    const fingerprint = alertFingerprint(alert);
    const { firstSeenAt, lastSeenAt } = sightingTimes(alert, now);
    const planned = byFingerprint.get(fingerprint);
    if (!planned) {
      byFingerprint.set(fingerprint, {
        fingerprint,
        kind: alert.kind,
        title: alert.title,
        summary: alert.summary,
        severity: alert.severity,
        tlp: alert.tlp,
        source: alert.source,
        sourceRef: alert.sourceRef ?? null,
        occurrences: 1,
        firstSeenAt,
        lastSeenAt,
        entities: dedupeEntities(alert.entities),
        itemIndexes: [index],
      });
      continue;
    }
    planned.occurrences += 1;
    planned.severity = maxBy(SEVERITY_ORDER, planned.severity, alert.severity);
    planned.tlp = maxBy(TLP_ORDER, planned.tlp, alert.tlp);
    if (firstSeenAt < planned.firstSeenAt) planned.firstSeenAt = firstSeenAt;
    if (lastSeenAt > planned.lastSeenAt) planned.lastSeenAt = lastSeenAt;
    planned.entities = dedupeEntities([...planned.entities, ...alert.entities]);
    planned.itemIndexes.push(index);
  }
  return [...byFingerprint.values()];
}

function dedupeEntities(entities: readonly PlannedEntity[]): PlannedEntity[] {
  const seen = new Map<string, PlannedEntity>();
  for (const e of entities) seen.set(`${e.kind}\0${e.name}`, { kind: e.kind, name: e.name });
  return [...seen.values()];
}
