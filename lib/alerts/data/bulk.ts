import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { assertMayAssign } from "../assignment";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/data";
import { assertCan, type Viewer } from "@/lib/auth/permissions";
import { publishAlertChange } from "@/lib/events/publish";
import { InvalidStateError, NotFoundError } from "@/lib/http/errors";
import type { BulkAssignAlertsInput, BulkChangeAlertStatusInput, MergeAlertsInput } from "../schema";
import { assertAllFound, lockAlerts, updateAlertsGrouped } from "./for-update";
import { alertVisibility } from "./visibility";

// Bulk versions of the triage actions in triage.ts, for a selection in the inbox. Each is all or
// nothing in one transaction: the selected rows are locked, every one must be visible to the
// viewer and in a state that allows the change, or nothing is written. The rules (capabilities,
// timestamps, audit actions) are the single-alert ones, so an alert's history reads the same
// whichever way it was triaged.

export interface BulkResult {
  /** Alerts changed, in the order given. */
  alertIds: string[];
}

const LOCKED_STATUSES = new Set(["ESCALATED", "MERGED"]);

function describeTitles(alerts: readonly { title: string }[]): string {
  const names = alerts.slice(0, 3).map((a) => `“${a.title}”`).join(", ");
  return alerts.length > 3 ? `${names} and ${alerts.length - 3} more` : names;
}

export async function bulkAssignAlerts(viewer: Viewer, input: BulkAssignAlertsInput): Promise<BulkResult> {
  assertCan(viewer, "alert:triage");
  const ids = input.alertIds;
  await getDb().$transaction(async (tx) => {
    await lockAlerts(tx, viewer, ids);
    const alerts = await tx.alert.findMany({
      where: { AND: [{ id: { in: ids } }, alertVisibility(viewer)] },
      select: { id: true, assigneeId: true },
    });
    assertAllFound(alerts, ids);
    for (const alert of alerts) assertMayAssign(viewer, alert.assigneeId, input.assigneeId);
    let assigneeName: string | null = null;
    if (input.assigneeId) {
      const assignee = await tx.user.findFirst({
        where: { id: input.assigneeId, organisationId: viewer.organisationId, disabled: false, role: { in: ["ADMIN", "LEAD", "ANALYST", "VETTING"] } },
        select: { name: true },
      });
      if (!assignee) throw new NotFoundError("Assignee");
      assigneeName = assignee.name;
    }
    await tx.alert.updateMany({ where: { id: { in: ids } }, data: { assigneeId: input.assigneeId, version: { increment: 1 } } });
    await recordAudit(
      tx,
      viewer,
      alerts.map((alert) => ({
        action: "alert.assign",
        targetType: "Alert",
        targetId: alert.id,
        summary: { before: { assigneeId: alert.assigneeId }, after: { assigneeId: input.assigneeId, assigneeName }, bulk: true },
      })),
    );
    await publishAlertChange(tx, { organisationId: viewer.organisationId, alertIds: ids, kind: "updated" });
  });
  return { alertIds: ids };
}

export async function bulkChangeAlertStatus(viewer: Viewer, input: BulkChangeAlertStatusInput): Promise<BulkResult> {
  assertCan(viewer, "alert:triage");
  const ids = input.alertIds;
  await getDb().$transaction(async (tx) => {
    await lockAlerts(tx, viewer, ids);
    const alerts = await tx.alert.findMany({
      where: { AND: [{ id: { in: ids } }, alertVisibility(viewer)] },
      select: { id: true, title: true, status: true, acknowledgedAt: true, triagedAt: true },
    });
    assertAllFound(alerts, ids);
    const locked = alerts.filter((a) => LOCKED_STATUSES.has(a.status));
    if (locked.length) {
      throw new InvalidStateError(`Escalated and merged alerts are changed from their case or primary alert: ${describeTitles(locked)}.`);
    }
    const already = alerts.filter((a) => a.status === input.status);
    if (already.length) throw new InvalidStateError(`Already ${input.status.toLowerCase()}: ${describeTitles(already)}.`);

    const now = new Date();
    await updateAlertsGrouped(
      tx,
      alerts.map((alert) => {
        const data: Prisma.AlertUncheckedUpdateManyInput = { status: input.status, statusReason: input.reason };
        if (input.status !== "NEW" && !alert.acknowledgedAt) data.acknowledgedAt = now;
        if ((input.status === "TRIAGED" || input.status === "DISMISSED") && !alert.triagedAt) data.triagedAt = now;
        data.closedAt = input.status === "DISMISSED" ? now : null;
        return { id: alert.id, data };
      }),
    );
    await recordAudit(
      tx,
      viewer,
      alerts.map((alert) => ({
        action: "alert.status",
        targetType: "Alert",
        targetId: alert.id,
        summary: { before: { status: alert.status }, after: { status: input.status }, reason: input.reason, bulk: true },
      })),
    );
    await publishAlertChange(tx, { organisationId: viewer.organisationId, alertIds: ids, kind: "updated" });
  });
  return { alertIds: ids };
}

/**
 * Marks duplicates MERGED into a primary alert: their occurrences are added to the primary's, its
 * first/last sightings widen to cover theirs, and their linked entities are carried over.
 */
export async function mergeAlerts(viewer: Viewer, input: MergeAlertsInput): Promise<BulkResult> {
  assertCan(viewer, "alert:triage");
  const ids = [input.primaryId, ...input.duplicateIds];
  await getDb().$transaction(async (tx) => {
    await lockAlerts(tx, viewer, ids);
    const alerts = await tx.alert.findMany({
      where: { AND: [{ id: { in: ids } }, alertVisibility(viewer)] },
      select: {
        id: true, title: true, status: true, occurrences: true, firstSeenAt: true, lastSeenAt: true,
        acknowledgedAt: true, triagedAt: true,
      },
    });
    assertAllFound(alerts, ids);
    const primary = alerts.find((a) => a.id === input.primaryId)!;
    const duplicates = alerts.filter((a) => a.id !== input.primaryId);
    if (primary.status === "MERGED") {
      throw new InvalidStateError(`“${primary.title}” is itself merged into another alert; merge into that one instead.`);
    }
    const locked = duplicates.filter((a) => LOCKED_STATUSES.has(a.status));
    if (locked.length) throw new InvalidStateError(`Escalated or already merged alerts cannot be merged away: ${describeTitles(locked)}.`);

    const now = new Date();
    const occurrences = alerts.reduce((n, a) => n + a.occurrences, 0);
    const firstSeenAt = new Date(Math.min(...alerts.map((a) => a.firstSeenAt.getTime())));
    const lastSeenAt = new Date(Math.max(...alerts.map((a) => a.lastSeenAt.getTime())));
    await tx.alert.update({
      where: { id: primary.id },
      data: { occurrences, firstSeenAt, lastSeenAt, version: { increment: 1 } },
    });
    await updateAlertsGrouped(
      tx,
      duplicates.map((alert) => ({
        id: alert.id,
        data: {
          status: "MERGED",
          mergedIntoId: primary.id,
          statusReason: `Merged into “${primary.title}”.`,
          closedAt: now,
          ...(alert.acknowledgedAt ? {} : { acknowledgedAt: now }),
          ...(alert.triagedAt ? {} : { triagedAt: now }),
        },
      })),
    );
    const links = await tx.alertEntity.findMany({
      where: { alertId: { in: input.duplicateIds } },
      distinct: ["entityId"],
      select: { entityId: true },
    });
    if (links.length) {
      await tx.alertEntity.createMany({
        data: links.map((l) => ({ alertId: primary.id, entityId: l.entityId })),
        skipDuplicates: true,
      });
    }

    await recordAudit(tx, viewer, {
      action: "alert.merge-primary",
      targetType: "Alert",
      targetId: primary.id,
      summary: {
        before: { occurrences: primary.occurrences },
        after: { occurrences },
        duplicateIds: input.duplicateIds,
      },
    });
    await recordAudit(
      tx,
      viewer,
      duplicates.map((alert) => ({
        action: "alert.merge",
        targetType: "Alert",
        targetId: alert.id,
        summary: {
          before: { status: alert.status },
          after: { status: "MERGED", mergedIntoId: primary.id },
          primaryTitle: primary.title,
        },
      })),
    );
    await publishAlertChange(tx, { organisationId: viewer.organisationId, alertIds: ids, kind: "updated" });
  });
  return { alertIds: ids };
}
