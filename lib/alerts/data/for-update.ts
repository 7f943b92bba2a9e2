import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { Viewer } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/http/errors";

type Tx = Prisma.TransactionClient;

/**
 * Locks the given alerts of the viewer's organisation until the transaction ends, in id order so
 * that two bulk actions over overlapping selections queue instead of deadlocking. What is read
 * after this stays true until the writes, so bulk changes need no per-row version checks.
 */
export async function lockAlerts(tx: Tx, viewer: Viewer, alertIds: readonly string[]): Promise<void> {
  await tx.$queryRaw`
    SELECT id FROM "Alert"
    WHERE "organisationId" = ${viewer.organisationId}::uuid AND id = ANY(${[...alertIds]}::uuid[])
    ORDER BY id
    FOR UPDATE`;
}

/** All or nothing: one id the viewer may not see (or that does not exist) fails the whole request. */
export function assertAllFound(found: readonly { id: string }[], alertIds: readonly string[]): void {
  const seen = new Set(found.map((a) => a.id));
  if (alertIds.some((id) => !seen.has(id))) throw new NotFoundError("Alert");
}

/**
 * Applies per-alert updates with as few statements as possible: alerts whose update is the same
 * (the same fields set to the same values) share one updateMany. Every alert's version goes up.
 */
export async function updateAlertsGrouped(
  tx: Tx,
  updates: readonly { id: string; data: Prisma.AlertUncheckedUpdateManyInput }[],
): Promise<void> {
  const groups = new Map<string, { ids: string[]; data: Prisma.AlertUncheckedUpdateManyInput }>();
  for (const { id, data } of updates) {
    const key = JSON.stringify(data);
    const group = groups.get(key);
    if (group) group.ids.push(id);
    else groups.set(key, { ids: [id], data });
  }
  for (const { ids, data } of groups.values()) {
    await tx.alert.updateMany({ where: { id: { in: ids } }, data: { ...data, version: { increment: 1 } } });
  }
}
