import { randomUUID } from "node:crypto";
import { alertFingerprint } from "@/lib/alerts/fingerprint";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { AlertKind, AlertStatus, EntityKind, Role, Severity, Tlp } from "@/lib/db/generated/enums";
import type { UserViewer } from "@/lib/auth/permissions";

// Small builders for integration tests: rows written straight through Prisma, Viewers built the
// way lib/auth/data.ts resolveSession builds them.

export async function createOrg(prisma: PrismaClient, name = `Org ${randomUUID().slice(0, 8)}`) {
  return prisma.organisation.create({ data: { name, slug: `org-${randomUUID()}`, kind: "PARTY" } });
}

type UserWithOrg = Awaited<ReturnType<PrismaClient["user"]["findUniqueOrThrow"]>> & { organisation: { name: string } };

/** The Viewer that lib/auth/data.ts resolveSession would build for this user. */
function toViewer(user: UserWithOrg): UserViewer {
  return {
    kind: "user",
    userId: user.id,
    sessionId: randomUUID(),
    organisationId: user.organisationId,
    organisationName: user.organisation.name,
    name: user.name,
    email: user.email,
    role: user.role,
    clearance: user.clearance,
  };
}

/** The viewer of an existing user, e.g. a seeded demo user. */
export async function viewerForEmail(prisma: PrismaClient, email: string): Promise<UserViewer> {
  return toViewer(await prisma.user.findUniqueOrThrow({ where: { email }, include: { organisation: true } }));
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
  return toViewer(user);
}

export interface AlertOverrides {
  kind?: AlertKind;
  severity?: Severity;
  tlp?: Tlp;
  status?: AlertStatus;
  title?: string;
  assigneeId?: string | null;
  createdAt?: Date;
  summary?: string;
  source?: string;
  lastSeenAt?: Date;
  acknowledgedAt?: Date | null;
  caseId?: string | null;
}

export async function createAlert(prisma: PrismaClient, organisationId: string, o: AlertOverrides = {}) {
  const sourceRef = randomUUID();
  const now = o.createdAt ?? new Date();
  return prisma.alert.create({
    data: {
      organisationId,
      kind: o.kind ?? "INCIDENT",
      title: o.title ?? `Alert ${randomUUID().slice(0, 8)}`,
      summary: o.summary ?? "Test alert",
      severity: o.severity ?? "MEDIUM",
      tlp: o.tlp ?? "AMBER",
      status: o.status ?? "NEW",
      source: o.source ?? "test",
      sourceRef,
      // Computed as ingestion computes it, so API repeats deduplicate onto fixture rows.
      fingerprint: alertFingerprint({ kind: o.kind ?? "INCIDENT", source: o.source ?? "test", sourceRef, title: "" }),
      firstSeenAt: now,
      lastSeenAt: o.lastSeenAt ?? now,
      createdAt: now,
      assigneeId: o.assigneeId ?? null,
      acknowledgedAt: o.acknowledgedAt ?? null,
      caseId: o.caseId ?? null,
    },
  });
}

// ---- Cases with options (triage: promotion to cases) ----

export interface CaseOverrides {
  title?: string;
  tlp?: Tlp;
  severity?: Severity;
  status?: "OPEN" | "INVESTIGATING" | "CONTAINED" | "CLOSED";
  ownerId?: string | null;
  memberIds?: string[];
  sharedWith?: string[];
}

/** A case with any TLP, status, members (need-to-know) and shares. */
export async function createCase(prisma: PrismaClient, organisationId: string, o: CaseOverrides = {}) {
  return prisma.case.create({
    data: {
      organisationId,
      title: o.title ?? `Case ${randomUUID().slice(0, 8)}`,
      tlp: o.tlp ?? "AMBER",
      severity: o.severity ?? "MEDIUM",
      status: o.status ?? "OPEN",
      ownerId: o.ownerId ?? null,
      members: { create: (o.memberIds ?? []).map((userId) => ({ userId })) },
      shares: { create: (o.sharedWith ?? []).map((orgId) => ({ organisationId: orgId })) },
    },
  });
}

export async function createEntity(
  prisma: PrismaClient,
  organisationId: string,
  o: { name?: string; kind?: EntityKind; aliases?: string[] } = {},
) {
  return prisma.entity.create({
    data: { organisationId, kind: o.kind ?? "THREAT_ACTOR", name: o.name ?? `Entity ${randomUUID().slice(0, 8)}`, aliases: o.aliases ?? [] },
  });
}

/** Links an alert to an entity (the database trigger refreshes the alert's search vector). */
export async function linkEntity(prisma: PrismaClient, alertId: string, entityId: string) {
  return prisma.alertEntity.create({ data: { alertId, entityId } });
}
