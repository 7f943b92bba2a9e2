import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_MAX_AGE_S, resolveSession, revokeAllSessions, revokeSession, signInWithPassword } from "@/lib/auth/data";
import { hashPassword } from "@/lib/auth/passwords";
import type { Role, Tlp } from "@/lib/db/generated/enums";
import { testBackend, useTestDb } from "./support/test-db";

const db = useTestDb();
const client = { ip: null, userAgent: "vitest" };
const PASSWORD = "correct horse battery staple";
let passwordHash: string;
let organisationId: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
  const org = await db().prisma.organisation.create({
    data: { slug: "test-party", name: "Test Party", kind: "PARTY" },
    select: { id: true },
  });
  organisationId = org.id;
});

/** A fresh user per test, so that throttle counters (keyed by e-mail) never interfere. */
async function createUser(overrides: { role?: Role; clearance?: Tlp; disabled?: boolean } = {}) {
  const email = `user-${randomBytes(4).toString("hex")}@test.vigil`;
  return db().prisma.user.create({
    data: { organisationId, email, name: "Test User", role: overrides.role ?? "ANALYST", passwordHash, ...overrides },
    select: { id: true, email: true },
  });
}

async function signedIn(email: string) {
  const result = await signInWithPassword(email, PASSWORD, client);
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return result;
}

describe(`signInWithPassword (${testBackend()})`, () => {
  it("accepts the right password and records a live session and an audit event", async () => {
    const user = await createUser();
    const before = Date.now();
    const result = await signInWithPassword(user.email, PASSWORD, { ip: "192.0.2.7", userAgent: "vitest" });
    expect(result).toEqual({ ok: true, userId: user.id, sessionId: expect.any(String) });
    if (!result.ok) return;

    const session = await db().prisma.userSession.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session).toMatchObject({ userId: user.id, revokedAt: null, ip: "192.0.2.7", userAgent: "vitest" });
    const lifetime = session.expiresAt.getTime() - before;
    expect(lifetime).toBeGreaterThanOrEqual(SESSION_MAX_AGE_S * 1000 - 1000);
    expect(lifetime).toBeLessThanOrEqual(SESSION_MAX_AGE_S * 1000 + 60_000);

    const audit = await db().prisma.auditEvent.findMany({ where: { actorUserId: user.id, action: "session.sign-in" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ organisationId, targetType: "User", targetId: user.id });
  });

  it("matches the e-mail address case-insensitively", async () => {
    const user = await createUser();
    const result = await signInWithPassword(user.email.toUpperCase(), PASSWORD, client);
    expect(result).toMatchObject({ ok: true, userId: user.id });
  });

  it("refuses a wrong password as invalid, without creating a session", async () => {
    const user = await createUser();
    expect(await signInWithPassword(user.email, "wrong password", client)).toEqual({ ok: false, reason: "invalid" });
    expect(await db().prisma.userSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers an unknown e-mail address exactly like a wrong password", async () => {
    const user = await createUser();
    const wrongPassword = await signInWithPassword(user.email, "wrong password", client);
    const unknownEmail = await signInWithPassword("nobody-here@test.vigil", PASSWORD, client);
    expect(unknownEmail).toEqual(wrongPassword);
    expect(unknownEmail).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a disabled user as invalid, even with the right password", async () => {
    const user = await createUser({ disabled: true });
    expect(await signInWithPassword(user.email, PASSWORD, client)).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles an address after 5 failures, even when the right password follows", async () => {
    const user = await createUser();
    for (let i = 0; i < 4; i++) {
      expect(await signInWithPassword(user.email, `wrong ${i}`, client)).toEqual({ ok: false, reason: "invalid" });
    }
    // The 5th failure still reports "invalid" but sets the lock.
    expect(await signInWithPassword(user.email, "wrong 5", client)).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword(user.email, PASSWORD, client)).toEqual({ ok: false, reason: "throttled" });
    expect(await db().prisma.userSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("throttles unknown e-mail addresses the same way", async () => {
    const email = `ghost-${randomBytes(4).toString("hex")}@test.vigil`;
    for (let i = 0; i < 5; i++) await signInWithPassword(email, "guess", client);
    expect(await signInWithPassword(email, "guess", client)).toEqual({ ok: false, reason: "throttled" });
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    const user = await createUser();
    for (let i = 0; i < 4; i++) await signInWithPassword(user.email, "wrong", client);
    await signedIn(user.email);
    for (let i = 0; i < 4; i++) await signInWithPassword(user.email, "wrong", client);
    expect(await signInWithPassword(user.email, PASSWORD, client)).toMatchObject({ ok: true });
  });
});

describe(`resolveSession (${testBackend()})`, () => {
  it("returns the viewer for a live session", async () => {
    const user = await createUser({ role: "LEAD", clearance: "AMBER" });
    const { sessionId } = await signedIn(user.email);
    expect(await resolveSession(sessionId, user.id)).toEqual({
      kind: "user",
      userId: user.id,
      sessionId,
      organisationId,
      organisationName: "Test Party",
      name: "Test User",
      email: user.email,
      role: "LEAD",
      clearance: "AMBER",
    });
  });

  it("returns null when the session belongs to another user", async () => {
    const owner = await createUser();
    const other = await createUser();
    const { sessionId } = await signedIn(owner.email);
    expect(await resolveSession(sessionId, other.id)).toBeNull();
  });

  it("returns null after revokeSession, without touching the user's other sessions", async () => {
    const user = await createUser();
    const first = await signedIn(user.email);
    const second = await signedIn(user.email);
    await revokeSession(first.sessionId);
    expect(await resolveSession(first.sessionId, user.id)).toBeNull();
    expect(await resolveSession(second.sessionId, user.id)).not.toBeNull();
    const row = await db().prisma.userSession.findUniqueOrThrow({ where: { id: first.sessionId } });
    expect(row.revokedAt).toBeInstanceOf(Date);
  });

  it("returns null for every session after revokeAllSessions, and audits it", async () => {
    const user = await createUser();
    const first = await signedIn(user.email);
    const second = await signedIn(user.email);
    const viewer = await resolveSession(second.sessionId, user.id);
    expect(viewer).not.toBeNull();
    await revokeAllSessions(viewer!);

    expect(await resolveSession(first.sessionId, user.id)).toBeNull();
    expect(await resolveSession(second.sessionId, user.id)).toBeNull();
    expect(await db().prisma.userSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect(await db().prisma.auditEvent.count({ where: { actorUserId: user.id, action: "session.revoke-all" } })).toBe(1);

    // Signing in again afterwards works.
    const third = await signedIn(user.email);
    expect(await resolveSession(third.sessionId, user.id)).toMatchObject({ userId: user.id });
  });

  it("returns null once the user is disabled", async () => {
    const user = await createUser();
    const { sessionId } = await signedIn(user.email);
    await db().prisma.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await resolveSession(sessionId, user.id)).toBeNull();
  });

  it("returns null once the session has expired", async () => {
    const user = await createUser();
    const { sessionId } = await signedIn(user.email);
    await db().prisma.userSession.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveSession(sessionId, user.id)).toBeNull();
  });

  it("returns null for a session id that does not exist", async () => {
    const user = await createUser();
    expect(await resolveSession("00000000-0000-7000-8000-000000000000", user.id)).toBeNull();
  });
});
