import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { AlertKind, AlertStatus, Role, Severity, Tlp } from "@/lib/db/generated/enums";
import type { UserViewer } from "@/lib/auth/permissions";

// Small builders for integration tests: rows written straight through Prisma, Viewers built the
// way lib/auth/data.ts resolveSession builds them.

export async function createOrg(prisma: PrismaClient, name = `Org ${randomUUID().slice(0, 8)}`) {
  return prisma.organisation.create({ data: { name, slug: `org-${randomUUID()}`, kind: "PARTY" } });
}

export async function createViewer(
  prisma: PrismaClient,
  organisationId: string,
  role: Role,
  clearance: Tlp = "AMBER_STRICT",
): Promise<UserViewer> {
  const user = await prisma.user.create({
    data: {
      organisationId,
      email: `${role.toLowerCase()}-${randomUUID()}@test.invalid`,
      name: `${role} ${randomUUID().slice(0, 4)}`,
      role,
      clearance,
      passwordHash: "not-used",
    },
    include: { organisation: true },
  });
  return {
    kind: "user",
    userId: user.id,
    sessionId: randomUUID(),
    organisationId,
    organisationName: user.organisation.name,
    name: user.name,
    email: user.email,
    role: user.role,
    clearance: user.clearance,
  };
}

export interface AlertOverrides {
  kind?: AlertKind;
  severity?: Severity;
  tlp?: Tlp;
  status?: AlertStatus;
  title?: string;
  assigneeId?: string | null;
  createdAt?: Date;
}

export async function createAlert(prisma: PrismaClient, organisationId: string, o: AlertOverrides = {}) {
  const now = o.createdAt ?? new Date();
  return prisma.alert.create({
    data: {
      organisationId,
      kind: o.kind ?? "INCIDENT",
      title: o.title ?? `Alert ${randomUUID().slice(0, 8)}`,
      summary: "Test alert",
      severity: o.severity ?? "MEDIUM",
      tlp: o.tlp ?? "AMBER",
      status: o.status ?? "NEW",
      source: "test",
      sourceRef: randomUUID(),
      fingerprint: randomUUID(),
      firstSeenAt: now,
      lastSeenAt: now,
      createdAt: now,
      assigneeId: o.assigneeId ?? null,
    },
  });
}
