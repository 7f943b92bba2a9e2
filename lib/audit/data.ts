import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { Viewer } from "@/lib/auth/permissions";

export interface AuditInput {
  action: string;
  targetType: string;
  targetId: string;
  summary?: Prisma.InputJsonValue;
}

export interface AuditOptions {
  /**
   * The organisation whose trail records the event; the viewer's own by default. Reads by another
   * organisation (a task-force reviewer opening a shared case) go in the owning organisation's
   * trail, so the owner sees who looked.
   */
  organisationId?: string;
}

/**
 * Writes audit events (one, or one per record of a bulk change, in a single statement); call it
 * inside the transaction that makes the change.
 */
export async function recordAudit(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  input: AuditInput | readonly AuditInput[],
  options: AuditOptions = {},
): Promise<void> {
  const inputs = Array.isArray(input) ? input : [input as AuditInput];
  if (inputs.length === 0) return;
  const actor = {
    organisationId: options.organisationId ?? viewer.organisationId,
    actorUserId: viewer.kind === "user" ? viewer.userId : null,
    actorLabel: viewer.kind === "user" ? `${viewer.name} <${viewer.email}>` : `API token “${viewer.name}”`,
  };
  await tx.auditEvent.createMany({
    data: inputs.map((i) => ({ ...actor, action: i.action, targetType: i.targetType, targetId: i.targetId, summary: i.summary ?? {} })),
  });
}
