import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { Severity, Tlp } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { assertAllFound, lockAlerts, updateAlertsGrouped } from "@/lib/alerts/data/for-update";
import { alertVisibility } from "@/lib/alerts/data/visibility";
import { recordAudit } from "@/lib/audit/data";
import { assertCan, viewerUserId, type Viewer } from "@/lib/auth/permissions";
import { TLP_LABELS } from "@/lib/auth/tlp";
import { publishAlertChange, publishCaseChange } from "@/lib/events/publish";
import { InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { highestSeverity, mostRestrictiveTlp, visibleTlps } from "../rules";
import type { PromoteAlertsInput, PromoteTarget } from "../schema";
import { caseVisibility } from "./visibility";


type Tx = Prisma.TransactionClient;

export interface PromoteResult {
  caseId: string;
  created: boolean;
}

/**
 * Escalates alerts into a case, new or existing: the alerts become ESCALATED and link the case,
 * their linked entities join the case's, and each adds a timeline event at its first sighting
 * (with the alert's TLP, so sharing filters it like any other event). All or nothing.
 */
export async function promoteAlertsToCase(viewer: Viewer, input: PromoteAlertsInput): Promise<PromoteResult> {
  assertCan(viewer, "case:write");
  assertCan(viewer, "alert:triage");
  const ids = input.alertIds;
  return getDb().$transaction(async (tx) => {
    await lockAlerts(tx, viewer, ids);
    const alerts = await tx.alert.findMany({
      where: { AND: [{ id: { in: ids } }, alertVisibility(viewer)] },
      select: {
        id: true, title: true, summary: true, source: true, severity: true, tlp: true, status: true, caseId: true,
        firstSeenAt: true, assigneeId: true, acknowledgedAt: true, triagedAt: true,
        entities: { where: { entity: { organisationId: viewer.organisationId } }, select: { entityId: true } },
      },
    });
    assertAllFound(alerts, ids);
    const taken = alerts.filter((a) => a.caseId || a.status === "ESCALATED" || a.status === "MERGED");
    if (taken.length) {
      const names = taken.slice(0, 3).map((a) => `“${a.title}”`).join(", ");
      throw new InvalidStateError(`Already in a case or merged: ${names}${taken.length > 3 ? ` and ${taken.length - 3} more` : ""}.`);
    }

    const target = input.target.kind === "new"
      ? await createCaseFromAlerts(tx, viewer, input.target, alerts)
      : await openCaseForAlerts(tx, viewer, input.target.caseId, ids);
    const caseId = target.id;

    const entityIds = [...new Set(alerts.flatMap((a) => a.entities.map((e) => e.entityId)))];
    if (entityIds.length) {
      await tx.caseEntity.createMany({ data: entityIds.map((entityId) => ({ caseId, entityId })), skipDuplicates: true });
    }
    const events = await tx.timelineEvent.createManyAndReturn({
      data: alerts.map((a) => ({
        organisationId: viewer.organisationId, caseId, occurredAt: a.firstSeenAt, precision: "MINUTE" as const,
        title: a.title, detail: a.summary, source: a.source, tags: ["alert"], tlp: a.tlp, alertId: a.id,
      })),
      select: { id: true, alertId: true },
    });
    const eventOf = new Map(events.map((e) => [e.alertId, e.id]));
    const eventEntities = alerts.flatMap((a) => a.entities.map((e) => ({ timelineEventId: eventOf.get(a.id)!, entityId: e.entityId })));
    if (eventEntities.length) await tx.timelineEventEntity.createMany({ data: eventEntities, skipDuplicates: true });

    const now = new Date();
    await updateAlertsGrouped(
      tx,
      alerts.map((a) => ({
        id: a.id,
        data: {
          status: "ESCALATED", caseId, statusReason: null, closedAt: null,
          ...(a.acknowledgedAt ? {} : { acknowledgedAt: now }),
          ...(a.triagedAt ? {} : { triagedAt: now }),
        },
      })),
    );
    await recordAudit(
      tx,
      viewer,
      alerts.map((a) => ({
        action: "alert.escalate",
        targetType: "Alert",
        targetId: a.id,
        summary: { before: { status: a.status }, after: { status: "ESCALATED", caseId }, caseTitle: target.title },
      })),
    );
    await publishAlertChange(tx, { organisationId: viewer.organisationId, alertIds: ids, kind: "updated" });
    await publishCaseChange(tx, { caseId, organisationIds: [viewer.organisationId], kind: input.target.kind === "new" ? "created" : "updated" });
    return { caseId, created: input.target.kind === "new" };
  });
}

type NewCaseTarget = Extract<PromoteTarget, { kind: "new" }>;

async function createCaseFromAlerts(
  tx: Tx,
  viewer: Viewer,
  target: NewCaseTarget,
  alerts: { id: string; severity: Severity; tlp: Tlp; assigneeId: string | null }[],
): Promise<{ id: string; title: string }> {
  const userId = viewerUserId(viewer);
  // Never less restrictive than any alert in it, nor less severe than the worst.
  const tlp = mostRestrictiveTlp([target.tlp, ...alerts.map((a) => a.tlp)]);
  const severity = highestSeverity([target.severity, ...alerts.map((a) => a.severity)]);
  if (!visibleTlps(viewer.clearance, { ownOrganisation: true, member: !!userId }).includes(tlp)) {
    throw new InvalidStateError(`Your clearance does not reach ${TLP_LABELS[tlp]}: you could not open this case. Choose a lower TLP.`);
  }
  const created = await tx.case.create({
    data: { organisationId: viewer.organisationId, title: target.title, severity, tlp, ownerId: userId },
    select: { id: true, title: true },
  });
  // Need-to-know: the person promoting, and whoever was already working the alerts.
  const memberIds = [...new Set([userId, ...alerts.map((a) => a.assigneeId)])].filter((id): id is string => !!id);
  if (memberIds.length) {
    await tx.caseMember.createMany({ data: memberIds.map((id) => ({ caseId: created.id, userId: id })), skipDuplicates: true });
  }
  await recordAudit(tx, viewer, {
    action: "case.create",
    targetType: "Case",
    targetId: created.id,
    summary: { after: { title: created.title, severity, tlp, ownerId: userId, memberIds }, alertIds: alerts.map((a) => a.id) },
  });
  return created;
}

async function openCaseForAlerts(tx: Tx, viewer: Viewer, caseId: string, alertIds: string[]): Promise<{ id: string; title: string }> {
  // Held until commit, so the case cannot be closed while alerts are added to it.
  await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${caseId}::uuid AND "organisationId" = ${viewer.organisationId}::uuid FOR UPDATE`;
  // Cases shared with the viewer's organisation are read-only there: own organisation only.
  const found = await tx.case.findFirst({
    where: { AND: [{ id: caseId, organisationId: viewer.organisationId }, caseVisibility(viewer)] },
    select: { id: true, title: true, status: true },
  });
  if (!found) throw new NotFoundError("Case");
  if (found.status === "CLOSED") throw new InvalidStateError("This case is closed; reopen it before adding alerts.");
  await tx.case.update({ where: { id: found.id }, data: { updatedAt: new Date() } });
  await recordAudit(tx, viewer, { action: "case.add-alerts", targetType: "Case", targetId: found.id, summary: { alertIds } });
  return found;
}
