import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PgListeners } from "@/lib/db/pg-listener";
import { alertHubIsListening, alertHubSubscriberCount, subscribeToAlertChanges } from "@/lib/events/hub";
import { ALERT_CHANNEL, publishAlertChange, type AlertChange } from "@/lib/events/publish";
import { createAlert, createOrg } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

// LISTEN/NOTIFY end to end on the real backend: delivery only after commit, routing by
// organisation, one LISTEN for the whole process, clean unsubscribe, and (PostgreSQL) recovery
// when the listening connection dies.

const db = useTestDb();
let orgA: string, orgB: string;

beforeAll(async () => {
  orgA = (await createOrg(db().prisma, "A")).id;
  orgB = (await createOrg(db().prisma, "B")).id;
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
  vi.restoreAllMocks();
});

/** Subscribes and records what arrives; unsubscribed after the test. */
async function record(organisationId: string) {
  const seen: AlertChange[] = [];
  const unsubscribe = await subscribeToAlertChanges(organisationId, (change) => seen.push(change));
  cleanups.push(unsubscribe);
  return { seen, unsubscribe };
}

async function publish(change: AlertChange) {
  await db().prisma.$transaction((tx) => publishAlertChange(tx, change));
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Publishes a marker for the organisation and waits for it. NOTIFYs are delivered in commit
 * order, so once the marker has arrived anything published before it would have too.
 */
async function drain(organisationId: string, seen: AlertChange[]) {
  const marker = randomUUID();
  await publish({ organisationId, alertIds: [marker], kind: "updated" });
  await waitFor(() => seen.some((c) => c.alertIds.includes(marker)), "the marker");
  return seen.filter((c) => !c.alertIds.includes(marker));
}

describe("subscribeToAlertChanges", () => {
  it("delivers a change after its transaction commits, not before", async () => {
    const { seen } = await record(orgA);
    let alertId = "";
    await db().prisma.$transaction(async (tx) => {
      const alert = await tx.alert.create({
        data: {
          organisationId: orgA, kind: "INCIDENT", title: "Phishing wave", summary: "s", severity: "HIGH", tlp: "AMBER",
          source: "test", fingerprint: randomUUID(), firstSeenAt: new Date(), lastSeenAt: new Date(),
        },
      });
      alertId = alert.id;
      await publishAlertChange(tx, { organisationId: orgA, alertIds: [alert.id], kind: "created" });
      await new Promise((r) => setTimeout(r, 150));
      expect(seen).toEqual([]);
    });
    await waitFor(() => seen.length === 1, "the committed change");
    expect(seen[0]).toEqual({ organisationId: orgA, alertIds: [alertId], kind: "created" });
  });

  it("never delivers a change whose transaction rolls back", async () => {
    const { seen } = await record(orgA);
    const rolledBack = randomUUID();
    await expect(
      db().prisma.$transaction(async (tx) => {
        await publishAlertChange(tx, { organisationId: orgA, alertIds: [rolledBack], kind: "created" });
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    expect(await drain(orgA, seen)).toEqual([]);
  });

  it("routes by organisation", async () => {
    const a = await record(orgA);
    const b = await record(orgB);
    const forB = randomUUID();
    await publish({ organisationId: orgB, alertIds: [forB], kind: "updated" });
    await waitFor(() => b.seen.length === 1, "B's change");
    expect(b.seen[0]!.alertIds).toEqual([forB]);
    expect(await drain(orgA, a.seen)).toEqual([]);
  });

  it("splits long id lists across notifications and delivers them all", async () => {
    const { seen } = await record(orgA);
    const alerts = [];
    for (let i = 0; i < 3; i++) alerts.push((await createAlert(db().prisma, orgA)).id);
    const ids = [...alerts, ...Array.from({ length: 297 }, () => randomUUID())];
    await publish({ organisationId: orgA, alertIds: ids, kind: "created" });
    await waitFor(() => seen.flatMap((c) => c.alertIds).length === 300, "all 300 ids");
    expect(seen.flatMap((c) => c.alertIds)).toEqual(ids);
  });

  it("ignores malformed payloads and keeps delivering", async () => {
    const { seen } = await record(orgA);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const bad = [
      "not json",
      JSON.stringify({ organisationId: orgA, alertIds: ["not-a-uuid"], kind: "created" }),
      JSON.stringify({ organisationId: orgA, alertIds: [randomUUID()], kind: "deleted" }),
      JSON.stringify({ organisationId: orgA, alertIds: [] , kind: "created" }),
      JSON.stringify([1, 2, 3]),
    ];
    for (const payload of bad) await db().prisma.$executeRaw`SELECT pg_notify(${ALERT_CHANNEL}, ${payload})`;
    expect(await drain(orgA, seen)).toEqual([]);
    expect(warn).toHaveBeenCalled();
  });

  it("stops delivering to a subscriber once it unsubscribes, and survives a throwing one", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const gone = await record(orgA);
    const stays = await record(orgA);
    const thrower = await subscribeToAlertChanges(orgA, () => {
      throw new Error("faulty subscriber");
    });
    cleanups.push(thrower);
    await gone.unsubscribe();
    await gone.unsubscribe(); // idempotent

    const id = randomUUID();
    await publish({ organisationId: orgA, alertIds: [id], kind: "updated" });
    await waitFor(() => stays.seen.length === 1, "the remaining subscriber");
    await drain(orgA, stays.seen);
    expect(gone.seen).toEqual([]);
    expect(error).toHaveBeenCalled();
  });

  it("holds one LISTEN however many subscribe, and releases it when the last one leaves", async () => {
    const handle = db();
    const listen = vi.spyOn(handle, "listen");
    expect(alertHubIsListening()).toBe(false);
    const subs = await Promise.all([record(orgA), record(orgA), record(orgB), record(orgB), record(orgA)]);
    expect(listen).toHaveBeenCalledTimes(1);
    expect(alertHubSubscriberCount()).toBe(5);
    if (handle.backend === "postgresql") expect(await listenerConnections()).toBe(1);

    for (const s of subs) await s.unsubscribe();
    expect(alertHubSubscriberCount()).toBe(0);
    expect(alertHubIsListening()).toBe(false);
    if (handle.backend === "postgresql") await waitForAsync(async () => (await listenerConnections()) === 0, "the listener to disconnect");

    // And listening again works after a full stop (including a quick leave-and-rejoin).
    const again = await record(orgA);
    await again.unsubscribe();
    const last = await record(orgA);
    await publish({ organisationId: orgA, alertIds: [randomUUID()], kind: "created" });
    await waitFor(() => last.seen.length === 1, "a change after re-subscribing");
    expect(listen).toHaveBeenCalledTimes(3);
  });
});

describe("DbHandle.listen", () => {
  it("fans one connection out to every subscriber and stops on unsubscribe", async () => {
    const handle = db();
    const first: string[] = [];
    const second: string[] = [];
    const stopFirst = await handle.listen("vigil_test_channel", (p) => first.push(p));
    const stopSecond = await handle.listen("vigil_test_channel", (p) => second.push(p));
    if (handle.backend === "postgresql") expect(await listenerConnections()).toBe(1);
    await handle.prisma.$executeRaw`SELECT pg_notify('vigil_test_channel', 'one')`;
    await waitFor(() => first.length === 1 && second.length === 1, "both subscribers");
    await stopFirst();
    await handle.prisma.$executeRaw`SELECT pg_notify('vigil_test_channel', 'two')`;
    await waitFor(() => second.length === 2, "the second payload");
    expect(first).toEqual(["one"]);
    expect(second).toEqual(["one", "two"]);
    await stopSecond();
    if (handle.backend === "postgresql") await waitForAsync(async () => (await listenerConnections()) === 0, "the listener to disconnect");
  });

  it.runIf(process.env.VIGIL_TEST_BACKEND === "postgresql")("rejects a first subscription the server cannot take (PostgreSQL)", async () => {
    // Nothing listens on port 1: the caller learns at once instead of waiting on retries.
    const listeners = new PgListeners({ connectionString: "postgresql://postgres@127.0.0.1:1/none" });
    await expect(listeners.listen("vigil_test_channel", () => {})).rejects.toThrow();
    await listeners.close();
    await expect(listeners.listen("vigil_test_channel", () => {})).rejects.toThrow(/closed/);
  });

  it.runIf(process.env.VIGIL_TEST_BACKEND === "postgresql")("reconnects when the listening connection dies (PostgreSQL)", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { seen } = await record(orgA);
    const [before] = await listenerPids();
    await db().prisma.$queryRaw`SELECT pg_terminate_backend(${before}::int)`;
    await waitForAsync(async () => {
      const pids = await listenerPids();
      return pids.length === 1 && pids[0] !== before;
    }, "a new listening connection");
    const id = randomUUID();
    await publish({ organisationId: orgA, alertIds: [id], kind: "created" });
    await waitFor(() => seen.some((c) => c.alertIds.includes(id)), "a change after the reconnect");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("lost"));
  });
});

/** Listening connections of this test database: connected, and their LISTEN done. */
async function listenerPids(): Promise<number[]> {
  const rows = await db().prisma.$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity
    WHERE application_name = 'vigil-listener' AND datname = current_database()
      AND state = 'idle' AND query LIKE 'LISTEN %'`;
  return rows.map((r) => r.pid);
}

async function listenerConnections(): Promise<number> {
  return (await listenerPids()).length;
}

async function waitForAsync(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
