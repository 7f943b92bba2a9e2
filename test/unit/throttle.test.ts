import { describe, expect, it } from "vitest";
import { ADDRESS_POLICY, EMAIL_POLICY, afterFailure, isLocked, type ThrottlePolicy, type ThrottleState } from "@/lib/auth/throttle";

const MIN = 60_000;
const t0 = new Date("2026-11-21T10:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const policy: ThrottlePolicy = { maxFailures: 3, windowMs: 10 * MIN, lockMs: 5 * MIN };

/** Applies `n` failures, one second apart, starting at t0. */
function fail(n: number, p = policy, start: ThrottleState | null = null): ThrottleState | null {
  let state = start;
  for (let i = 0; i < n; i++) state = afterFailure(state, p, at(i * 1000));
  return state;
}

describe("isLocked", () => {
  it("is false without any record", () => {
    expect(isLocked(null, t0)).toBe(false);
  });

  it("is false while failures are below the limit (no lock set)", () => {
    expect(isLocked({ failures: 2, windowStart: t0, lockedUntil: null }, at(1000))).toBe(false);
  });

  it("is true until lockedUntil, and false from that instant on", () => {
    const state = { failures: 3, windowStart: t0, lockedUntil: at(5 * MIN) };
    expect(isLocked(state, at(1))).toBe(true);
    expect(isLocked(state, at(5 * MIN - 1))).toBe(true);
    expect(isLocked(state, at(5 * MIN))).toBe(false);
    expect(isLocked(state, at(5 * MIN + 1))).toBe(false);
  });
});

describe("afterFailure", () => {
  it("starts a new window at the first failure", () => {
    expect(afterFailure(null, policy, t0)).toEqual({ failures: 1, windowStart: t0, lockedUntil: null });
  });

  it("counts failures inside the window and keeps the window start", () => {
    expect(fail(2)).toEqual({ failures: 2, windowStart: t0, lockedUntil: null });
  });

  it("locks for lockMs from the failure that reaches maxFailures", () => {
    const state = fail(3)!;
    expect(state.failures).toBe(3);
    expect(state.lockedUntil).toEqual(at(2000 + 5 * MIN));
    expect(isLocked(state, at(2001))).toBe(true);
    expect(isLocked(state, at(2000 + 5 * MIN))).toBe(false);
  });

  it("extends the lock on further failures", () => {
    const locked = fail(3)!;
    const later = afterFailure(locked, policy, at(MIN));
    expect(later.failures).toBe(4);
    expect(later.lockedUntil).toEqual(at(MIN + 5 * MIN));
  });

  it("counts a failure exactly at the window's end in the same window", () => {
    const state = afterFailure({ failures: 1, windowStart: t0, lockedUntil: null }, policy, at(10 * MIN));
    expect(state).toEqual({ failures: 2, windowStart: t0, lockedUntil: null });
  });

  it("starts afresh once the window has passed, forgetting old failures and locks", () => {
    const old = fail(3)!;
    const state = afterFailure(old, policy, at(10 * MIN + 1));
    expect(state).toEqual({ failures: 1, windowStart: at(10 * MIN + 1), lockedUntil: null });
  });

  it("does not mutate the state it is given", () => {
    const state: ThrottleState = { failures: 1, windowStart: t0, lockedUntil: null };
    afterFailure(state, policy, at(1000));
    expect(state).toEqual({ failures: 1, windowStart: t0, lockedUntil: null });
  });
});

describe("policies", () => {
  it("locks an e-mail address on the 5th failure within 15 minutes, for 15 minutes", () => {
    expect(EMAIL_POLICY).toEqual({ maxFailures: 5, windowMs: 15 * MIN, lockMs: 15 * MIN });
    expect(fail(4, EMAIL_POLICY)!.lockedUntil).toBeNull();
    const state = fail(5, EMAIL_POLICY)!;
    expect(isLocked(state, at(14 * MIN))).toBe(true);
  });

  it("is more lenient per client address (shared NAT, offices) than per e-mail", () => {
    expect(ADDRESS_POLICY.maxFailures).toBeGreaterThan(EMAIL_POLICY.maxFailures);
    expect(fail(29, ADDRESS_POLICY)!.lockedUntil).toBeNull();
    expect(fail(30, ADDRESS_POLICY)!.lockedUntil).not.toBeNull();
  });
});
