import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/data";
import type { UserViewer } from "./permissions";
import { verifyPassword } from "./passwords";
import { ADDRESS_POLICY, EMAIL_POLICY, afterFailure, isLocked, type ThrottlePolicy } from "./throttle";

// Authentication data: runs before there is a Viewer, so these functions take credentials or a
// session id instead. Everything after sign-in goes through Viewer-scoped data functions.

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

function throttleKey(kind: "email" | "ip", value: string): string {
  return `${kind}:${createHash("sha256").update(value.toLowerCase()).digest("hex")}`;
}

export type SignInResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "invalid" | "throttled" };

/**
 * Checks e-mail and password, applying the throttle per e-mail address and per client address.
 * The throttle applies to unknown addresses too, so neither the message nor the timing reveals
 * whether an account exists.
 */
export async function signInWithPassword(
  email: string,
  password: string,
  client: { ip: string | null; userAgent: string | null },
): Promise<SignInResult> {
  const db = getDb();
  const now = new Date();
  const keys: [string, ThrottlePolicy][] = [[throttleKey("email", email), EMAIL_POLICY]];
  if (client.ip) keys.push([throttleKey("ip", client.ip), ADDRESS_POLICY]);

  const states = await db.loginThrottle.findMany({ where: { key: { in: keys.map(([k]) => k) } } });
  if (states.some((s) => isLocked(s, now))) return { ok: false, reason: "throttled" };

  const user = await db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, passwordHash: true, disabled: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);

  if (!user || !passwordOk || user.disabled) {
    for (const [key, policy] of keys) {
      const next = afterFailure(states.find((s) => s.key === key) ?? null, policy, now);
      await db.loginThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
    }
    return { ok: false, reason: "invalid" };
  }

  const session = await db.$transaction(async (tx) => {
    await tx.loginThrottle.deleteMany({ where: { key: keys[0]![0] } });
    const created = await tx.userSession.create({
      data: {
        userId: user.id,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000),
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
      },
      select: { id: true, user: { select: { organisationId: true, name: true, email: true } } },
    });
    await tx.auditEvent.create({
      data: {
        organisationId: created.user.organisationId,
        actorUserId: user.id,
        actorLabel: `${created.user.name} <${created.user.email}>`,
        action: "session.sign-in",
        targetType: "User",
        targetId: user.id,
        summary: { ip: client.ip, sessionId: created.id },
      },
    });
    return created;
  });
  return { ok: true, userId: user.id, sessionId: session.id };
}

/** Resolves a session id from a verified JWT to a Viewer, or null if it is no longer valid. */
export async function resolveSession(sessionId: string, userId: string): Promise<UserViewer | null> {
  const row = await getDb().userSession.findFirst({
    where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: {
      id: true,
      createdAt: true,
      user: {
        select: {
          id: true, name: true, email: true, role: true, clearance: true, disabled: true,
          sessionsValidAfter: true, organisationId: true, organisation: { select: { name: true } },
        },
      },
    },
  });
  if (!row || row.user.disabled || row.createdAt < row.user.sessionsValidAfter) return null;
  const u = row.user;
  return {
    kind: "user",
    userId: u.id,
    sessionId: row.id,
    organisationId: u.organisationId,
    organisationName: u.organisation.name,
    name: u.name,
    email: u.email,
    role: u.role,
    clearance: u.clearance,
  };
}

/** Ends one session (sign-out). */
export async function revokeSession(sessionId: string): Promise<void> {
  await getDb().userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session of the viewer ("sign out everywhere"). */
export async function revokeAllSessions(viewer: UserViewer): Promise<void> {
  const now = new Date();
  await getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: viewer.userId }, data: { sessionsValidAfter: now } });
    await tx.userSession.updateMany({ where: { userId: viewer.userId, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, viewer, { action: "session.revoke-all", targetType: "User", targetId: viewer.userId });
  });
}
