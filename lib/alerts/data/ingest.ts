import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import type { AlertKind, Tlp } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/data";
import { assertCan, can, type Viewer } from "@/lib/auth/permissions";
import { TLP_LABELS, TLP_ORDER } from "@/lib/auth/tlp";
import { publishAlertChange } from "@/lib/events/publish";
import { formatFieldPath } from "@/lib/http/field-errors";
import { runIdempotent, type IdempotentResult } from "@/lib/idempotency/data";
import { planIngestBatch } from "../ingest-batch";
import { ingestResponse, summariseResults, type IngestItemResult, type IngestOutcome } from "../ingest-response";
import type { IngestAlert, ParsedIngestItem } from "../ingest-schema";
import { linkEntities, rollUpMergedRepeats, upsertAlerts, type UpsertedAlert } from "./ingest-sql";

// Alert ingestion (POST /api/v1/alerts): one transaction per request, a fixed number of
// statements per batch (see ingest-sql.ts), one audit event per batch plus one per reopened
// alert, and change notifications for live inboxes.

type Tx = Prisma.TransactionClient;

/** Generous: a 1,000-alert batch may wait behind others for the same idempotency key. */
const TX_OPTIONS = { maxWait: 10_000, timeout: 60_000 };
/** Ids listed in the batch audit event; the counts are always complete. */
const AUDIT_ID_LIMIT = 100;

function clearanceCovers(viewer: Viewer, tlp: Tlp): boolean {
  return TLP_ORDER.indexOf(tlp) <= TLP_ORDER.indexOf(viewer.clearance);
}

/**
 * Whether to tell the caller the id of a stored alert: only if their clearance and capabilities
 * would let them read it (a repeat may land on an existing alert marked more restrictively).
 * Conservative for people: TLP:RED assignees and case members are not considered here.
 */
function mayKnow(viewer: Viewer, alert: { tlp: Tlp; kind: AlertKind }): boolean {
  return clearanceCovers(viewer, alert.tlp) && (alert.kind !== "VETTING" || can(viewer, "vetting:read"));
}

interface Checked {
  accepted: { index: number; alert: IngestAlert }[];
  rejected: IngestItemResult[];
}

/** Items the caller may not submit: marked above their clearance. */
function checkItems(viewer: Viewer, items: readonly ParsedIngestItem[]): Checked {
  const out: Checked = { accepted: [], rejected: [] };
  items.forEach((item, index) => {
    if (!item.ok) out.rejected.push({ index, status: "rejected", errors: item.errors });
    else if (!clearanceCovers(viewer, item.alert.tlp)) {
      out.rejected.push({
        index,
        status: "rejected",
        errors: [{ path: formatFieldPath(["tlp"], item.path), message: `Above this credential's clearance (${TLP_LABELS[viewer.clearance]})` }],
      });
    } else out.accepted.push({ index, alert: item.alert });
  });
  return out;
}

function itemResults(viewer: Viewer, planned: ReturnType<typeof planIngestBatch>, rows: UpsertedAlert[]): IngestItemResult[] {
  const byFingerprint = new Map(rows.map((r) => [r.fingerprint, r]));
  const results: IngestItemResult[] = [];
  for (const p of planned) {
    const row = byFingerprint.get(p.fingerprint);
    if (!row) throw new Error(`Ingest: no row returned for fingerprint ${p.fingerprint}`);
    const id = mayKnow(viewer, row) ? row.id : undefined;
    const reopened = row.previousStatus === "DISMISSED" && row.status === "NEW";
    p.itemIndexes.forEach((index, n) => {
      // Later repeats inside the batch are deduplicated onto the first, whatever happened to it.
      const status = n > 0 ? "deduplicated" : row.inserted ? "created" : reopened ? "reopened" : "deduplicated";
      results.push(id ? { index, status, id } : { index, status });
    });
  }
  return results;
}

async function ingestInTx(tx: Tx, viewer: Viewer, checked: Checked): Promise<IngestOutcome> {
  if (checked.accepted.length === 0) return summariseResults(checked.rejected);
  const now = new Date();
  const planned = planIngestBatch(checked.accepted, now);
  const rows = await upsertAlerts(tx, viewer.organisationId, planned, now);
  // Built first: it also checks that every planned alert came back with an id.
  const outcome = summariseResults([...checked.rejected, ...itemResults(viewer, planned, rows)]);
  const idOf = new Map(rows.map((r) => [r.fingerprint, r.id]));
  await linkEntities(
    tx,
    viewer.organisationId,
    planned.flatMap((p) => p.entities.map((e) => ({ alertId: idOf.get(p.fingerprint)!, kind: e.kind, name: e.name }))),
    now,
  );

  const plannedBy = new Map(planned.map((p) => [p.fingerprint, p]));
  const mergedHits = rows
    .filter((r) => !r.inserted && r.status === "MERGED")
    .map((r) => ({ id: r.id, occurrences: plannedBy.get(r.fingerprint)!.occurrences, lastSeenAt: plannedBy.get(r.fingerprint)!.lastSeenAt }));
  const primaries = await rollUpMergedRepeats(tx, viewer.organisationId, mergedHits, now);

  const createdIds = rows.filter((r) => r.inserted).map((r) => r.id);
  const updatedIds = [...rows.filter((r) => !r.inserted).map((r) => r.id), ...primaries];
  const reopened = rows.filter((r) => r.previousStatus === "DISMISSED" && r.status === "NEW");

  await recordAudit(tx, viewer, {
    action: "alert.ingest",
    targetType: "AlertBatch",
    targetId: randomUUID(),
    summary: {
      items: outcome.results.length,
      created: outcome.created,
      deduplicated: outcome.deduplicated,
      reopened: outcome.reopened,
      rejected: outcome.rejected,
      createdIds: createdIds.slice(0, AUDIT_ID_LIMIT),
      updatedIds: updatedIds.slice(0, AUDIT_ID_LIMIT),
      idsTruncated: createdIds.length > AUDIT_ID_LIMIT || updatedIds.length > AUDIT_ID_LIMIT,
    },
  });
  // A reopening is a status change a person will want to see in the alert's own history.
  await recordAudit(
    tx,
    viewer,
    reopened.map((r) => ({
      action: "alert.status",
      targetType: "Alert",
      targetId: r.id,
      summary: { before: { status: "DISMISSED" }, after: { status: "NEW" }, reason: "Reopened automatically: a more severe repeat arrived." },
    })),
  );
  if (createdIds.length) await publishAlertChange(tx, { organisationId: viewer.organisationId, alertIds: createdIds, kind: "created" });
  if (updatedIds.length) await publishAlertChange(tx, { organisationId: viewer.organisationId, alertIds: updatedIds, kind: "updated" });
  return outcome;
}

/**
 * Ingests parsed alerts for the viewer's organisation. Needs "alert:triage" (ingestion creates
 * triage work); items above the viewer's clearance are rejected individually.
 */
export async function ingestAlerts(viewer: Viewer, items: readonly ParsedIngestItem[]): Promise<IngestOutcome> {
  assertCan(viewer, "alert:triage");
  const checked = checkItems(viewer, items);
  if (checked.accepted.length === 0) return summariseResults(checked.rejected);
  return getDb().$transaction((tx) => ingestInTx(tx, viewer, checked), TX_OPTIONS);
}

/**
 * ingestAlerts() behind an Idempotency-Key: the first request with a key does the work and
 * stores its response; repeats with the same request replay it; a different request is refused.
 */
export async function ingestAlertsIdempotently(
  viewer: Viewer,
  items: readonly ParsedIngestItem[],
  options: { batch: boolean; key: string; requestHash: string },
): Promise<IdempotentResult> {
  assertCan(viewer, "alert:triage");
  const checked = checkItems(viewer, items);
  return getDb().$transaction(
    (tx) =>
      runIdempotent(tx, viewer, options, async () => {
        const response = ingestResponse(await ingestInTx(tx, viewer, checked), options.batch);
        return { status: response.status, body: response.body as unknown as Prisma.InputJsonValue };
      }),
    TX_OPTIONS,
  );
}
