import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { Viewer } from "@/lib/auth/permissions";

export interface AuditInput {
  action: string;
  targetType: string;
  targetId: string;
  summary?: Prisma.InputJsonValue;
}

/** Writes an audit event; call inside the transaction that makes the change. */
export async function recordAudit(tx: Prisma.TransactionClient, viewer: Viewer, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organisationId: viewer.organisationId,
      actorUserId: viewer.kind === "user" ? viewer.userId : null,
      actorLabel: viewer.kind === "user" ? `${viewer.name} <${viewer.email}>` : `API token “${viewer.name}”`,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      summary: input.summary ?? {},
    },
  });
}
