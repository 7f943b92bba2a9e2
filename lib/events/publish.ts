import type { Prisma } from "@/lib/db/generated/client";

// Change announcements for live views. Written with pg_notify inside the transaction that makes
// the change, so listeners hear of it only if it commits, and every app instance hears it
// (PostgreSQL LISTEN/NOTIFY; PGlite supports it in-process). Payloads carry ids, never content:
// each listener re-reads through the data layer with its own viewer, so visibility is enforced
// there, not here.

export const ALERT_CHANNEL = "vigil_alerts";

export interface AlertChange {
  organisationId: string;
  alertIds: string[];
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
