import type { Prisma } from "@/lib/db/generated/client";

// Change announcements for live views. Written with pg_notify inside the transaction that makes
// the change, so listeners hear of it only if it commits, and every app instance hears it
// (PostgreSQL LISTEN/NOTIFY; PGlite supports it in-process). Payloads carry ids, never content:
// each listener re-reads through the data layer with its own viewer, so visibility is enforced
// there, not here.
//
// Alert and case changes share one channel, so each process still holds a single LISTEN (on
// PostgreSQL, a single extra connection). Case payloads carry `topic: "case"`; alert payloads
// carry no topic (the format they had before cases were announced).

export const ALERT_CHANNEL = "vigil_alerts";

export interface AlertChange {
  organisationId: string;
  alertIds: string[];
  kind: "created" | "updated";
}

/** A change to a case or anything inside it, as heard by listeners (lib/events/hub.ts). */
export interface CaseChange {
  caseId: string;
  /** Organisations whose viewers may hear of it: the owner and those the case is shared with. */
  organisationIds: string[];
  kind: "created" | "updated";
}

/** NOTIFY payloads are limited to 8000 bytes: split long id lists. */
const MAX_IDS_PER_NOTIFY = 150;

export async function publishAlertChange(tx: Prisma.TransactionClient, change: AlertChange): Promise<void> {
  for (let i = 0; i < change.alertIds.length; i += MAX_IDS_PER_NOTIFY) {
    const payload = JSON.stringify({ ...change, alertIds: change.alertIds.slice(i, i + MAX_IDS_PER_NOTIFY) });
    await tx.$executeRaw`SELECT pg_notify(${ALERT_CHANNEL}, ${payload})`;
  }
}

export interface PublishCaseChangeInput {
  caseId: string;
  /**
   * Organisations to tell, if the caller has them to hand. Optional and never the whole list:
   * the case's owning organisation and every organisation it is shared with are always read in
   * `tx` and added, so a caller cannot forget the task force.
   */
  organisationIds?: readonly string[];
  /** "created" for a new case; "updated" for anything else (fields, timeline, tasks, notes…). */
  kind: "created" | "updated";
}

/**
 * Announces that a case, or something inside it (timeline event, task, note, member, share,
 * linked alert), changed. Call it inside the transaction that makes the change, after the write,
 * with that transaction's client:
 *
 * ```ts
 * await db.$transaction(async (tx) => {
 *   const access = await loadCaseAccess(tx, viewer, caseId, "write");
 *   await tx.task.create({ … });
 *   await publishCaseChange(tx, { caseId: access.id, organisationIds: [access.organisationId], kind: "updated" });
 * });
 * ```
 *
 * Delivered only if the transaction commits. Open case pages (CaseLive) of viewers who may see the
 * case receive `event: case` on GET /api/v1/events and refresh; the payload holds ids only and
 * each stream re-checks visibility with caseVisibility(), so it is safe to call for RED cases.
 * Costs one small indexed read (owner and shares) and one NOTIFY. Calling it several times in
 * one transaction is harmless: streams batch changes per case.
 */
export async function publishCaseChange(tx: Prisma.TransactionClient, input: PublishCaseChangeInput): Promise<void> {
  const row = await tx.case.findUnique({
    where: { id: input.caseId },
    select: { organisationId: true, shares: { select: { organisationId: true } } },
  });
  const organisationIds = [
    ...new Set([...(input.organisationIds ?? []), ...(row ? [row.organisationId, ...row.shares.map((s) => s.organisationId)] : [])]),
  ];
  for (let i = 0; i < organisationIds.length; i += MAX_IDS_PER_NOTIFY) {
    const payload = JSON.stringify({
      topic: "case",
      caseId: input.caseId,
      organisationIds: organisationIds.slice(i, i + MAX_IDS_PER_NOTIFY),
      kind: input.kind,
    });
    await tx.$executeRaw`SELECT pg_notify(${ALERT_CHANNEL}, ${payload})`;
  }
}
