import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/data";
import { assertCan, type Viewer } from "@/lib/auth/permissions";
import { publishAlertChange } from "@/lib/events/publish";
import { assertMayAssign } from "../assignment";
import { ConflictError, InvalidStateError, NotFoundError } from "@/lib/http/errors";
import type { AcknowledgeAlertInput, AssignAlertInput, ChangeAlertStatusInput } from "../schema";
import { alertVisibility } from "./visibility";

type Tx = Prisma.TransactionClient;

/** Loads a visible alert for update and checks its version; throws NotFound or Conflict. */
async function loadForUpdate(tx: Tx, viewer: Viewer, alertId: string, version: number) {
  const alert = await tx.alert.findFirst({
    where: { AND: [{ id: alertId }, alertVisibility(viewer)] },
    select: { id: true, status: true, version: true, assigneeId: true, acknowledgedAt: true, triagedAt: true, closedAt: true },
  });
  if (!alert) throw new NotFoundError("Alert");
  if (alert.version !== version) {
    throw new ConflictError("Someone else changed this alert. Review the current state and try again.", alert);
  }
  return alert;
}

/** Writes the update only if the version is still the one read: no lost writes. */
async function writeVersioned(
  tx: Tx,
  viewer: Viewer,
  alertId: string,
  version: number,
  data: Prisma.AlertUncheckedUpdateManyInput,
) {
  const { count } = await tx.alert.updateMany({ where: { id: alertId, version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw new ConflictError("Someone else changed this alert. Review the current state and try again.");
  await publishAlertChange(tx, { organisationId: viewer.organisationId, alertIds: [alertId], kind: "updated" });
}

export async function acknowledgeAlert(viewer: Viewer, input: AcknowledgeAlertInput): Promise<void> {
  assertCan(viewer, "alert:triage");
  await getDb().$transaction(async (tx) => {
    const alert = await loadForUpdate(tx, viewer, input.alertId, input.version);
    if (alert.status !== "NEW") throw new InvalidStateError(`Only new alerts can be acknowledged; this one is ${alert.status.toLowerCase()}.`);
    const now = new Date();
    await writeVersioned(tx, viewer, alert.id, input.version, { status: "ACKNOWLEDGED", acknowledgedAt: now, statusReason: null });
    await recordAudit(tx, viewer, {
      action: "alert.acknowledge",
      targetType: "Alert",
      targetId: alert.id,
      summary: { before: { status: alert.status }, after: { status: "ACKNOWLEDGED" } },
    });
  });
}

export async function assignAlert(viewer: Viewer, input: AssignAlertInput): Promise<void> {
  assertCan(viewer, "alert:triage");
  await getDb().$transaction(async (tx) => {
    const alert = await loadForUpdate(tx, viewer, input.alertId, input.version);
    assertMayAssign(viewer, alert.assigneeId, input.assigneeId);
    let assigneeName: string | null = null;
    if (input.assigneeId) {
      const assignee = await tx.user.findFirst({
        where: { id: input.assigneeId, organisationId: viewer.organisationId, disabled: false, role: { in: ["ADMIN", "LEAD", "ANALYST", "VETTING"] } },
        select: { name: true },
      });
      if (!assignee) throw new NotFoundError("Assignee");
      assigneeName = assignee.name;
    }
    await writeVersioned(tx, viewer, alert.id, input.version, { assigneeId: input.assigneeId });
    await recordAudit(tx, viewer, {
      action: "alert.assign",
      targetType: "Alert",
      targetId: alert.id,
      summary: { before: { assigneeId: alert.assigneeId }, after: { assigneeId: input.assigneeId, assigneeName } },
    });
  });
}

export async function changeAlertStatus(viewer: Viewer, input: ChangeAlertStatusInput): Promise<void> {
  assertCan(viewer, "alert:triage");
  await getDb().$transaction(async (tx) => {
    const alert = await loadForUpdate(tx, viewer, input.alertId, input.version);
    if (alert.status === "ESCALATED" || alert.status === "MERGED") {
      throw new InvalidStateError(`This alert is ${alert.status.toLowerCase()}; change it from its case instead.`);
    }
    if (alert.status === input.status) throw new InvalidStateError(`This alert is already ${input.status.toLowerCase()}.`);
    const now = new Date();
    const data: Prisma.AlertUncheckedUpdateManyInput = { status: input.status, statusReason: input.reason };
    if (input.status !== "NEW" && !alert.acknowledgedAt) data.acknowledgedAt = now;
    if ((input.status === "TRIAGED" || input.status === "DISMISSED") && !alert.triagedAt) data.triagedAt = now;
    data.closedAt = input.status === "DISMISSED" ? now : null;
    await writeVersioned(tx, viewer, alert.id, input.version, data);
    await recordAudit(tx, viewer, {
      action: "alert.status",
      targetType: "Alert",
      targetId: alert.id,
      summary: { before: { status: alert.status }, after: { status: input.status }, reason: input.reason },
    });
  });
}
