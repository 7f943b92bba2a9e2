import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { UserViewer, Viewer } from "@/lib/auth/permissions";
import { alertHubSubscriberCount, subscribeToChanges } from "@/lib/events/hub";
import { publishAlertChange, publishCaseChange, type CaseChange } from "@/lib/events/publish";
import { createAlertEventStream } from "@/lib/events/stream";
import { createAlert, createCase, createOrg, createViewer } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

// Live case updates: publishCaseChange reaches the owning organisation and those the case is
// shared with, only after commit; the events stream passes a case on only to viewers who may
// see it (TLP, clearance, membership, sharing).

const db = useTestDb();
let owner: string, taskForce: string, other: string;
let lead: UserViewer, member: UserViewer, analyst: UserViewer, reviewer: UserViewer, reviewerMember: UserViewer, outsider: UserViewer;

beforeAll(async () => {
  const { prisma } = db();
  owner = (await createOrg(prisma, "Party")).id;
  taskForce = (await createOrg(prisma, "Task force")).id;
  other = (await createOrg(prisma, "Other")).id;
  lead = await createViewer(prisma, owner, "LEAD", "RED");
  member = await createViewer(prisma, owner, "ANALYST", "AMBER_STRICT");
  analyst = await createViewer(prisma, owner, "ANALYST", "AMBER_STRICT");
  reviewer = await createViewer(prisma, taskForce, "REVIEWER", "AMBER");
  reviewerMember = await createViewer(prisma, taskForce, "REVIEWER", "AMBER");
  outsider = await createViewer(prisma, other, "ADMIN", "RED");
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function waitFor(check: () => boolean, what: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function publish(caseId: string, organisationIds: string[] = [], kind: CaseChange["kind"] = "updated") {
  await db().prisma.$transaction((tx) => publishCaseChange(tx, { caseId, organisationIds, kind }));
}

async function record(organisationId: string) {
  const seen: CaseChange[] = [];
  cleanups.push(await subscribeToChanges(organisationId, { onCase: (change) => seen.push(change) }));
  return seen;
}

describe("publishCaseChange", () => {
  it("reaches the owning organisation and every organisation the case is shared with, after commit", async () => {
    const { prisma } = db();
    const shared = await createCase(prisma, owner, { tlp: "GREEN", sharedWith: [taskForce] });
    const [atOwner, atTaskForce, atOther] = [await record(owner), await record(taskForce), await record(other)];

    await prisma.$transaction(async (tx) => {
      // Only the owner is named: the shares are read in the transaction.
      await publishCaseChange(tx, { caseId: shared.id, organisationIds: [owner], kind: "updated" });
      await new Promise((r) => setTimeout(r, 150));
      expect(atOwner).toEqual([]);
    });
    await waitFor(() => atOwner.length === 1 && atTaskForce.length === 1, "both organisations");
    expect(atOwner[0]).toEqual({ caseId: shared.id, organisationIds: [owner, taskForce], kind: "updated" });
    expect(atTaskForce[0]!.caseId).toBe(shared.id);

    // A marker for the other organisation: notifications arrive in commit order.
    const marker = await createCase(prisma, other);
    await publish(marker.id);
    await waitFor(() => atOther.length === 1, "the marker");
    expect(atOther.map((c) => c.caseId)).toEqual([marker.id]);
  });

  it("says nothing when the transaction rolls back", async () => {
    const { prisma } = db();
    const shared = await createCase(prisma, owner, { sharedWith: [taskForce] });
    const atTaskForce = await record(taskForce);
    await expect(
      prisma.$transaction(async (tx) => {
        await publishCaseChange(tx, { caseId: shared.id, kind: "updated" });
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    const marker = await createCase(prisma, taskForce);
    await publish(marker.id);
    await waitFor(() => atTaskForce.length > 0, "the marker");
    expect(atTaskForce.map((c) => c.caseId)).toEqual([marker.id]);
  });

  it("shares the process's one subscription with alert changes", async () => {
    const { prisma } = db();
    const alerts: string[] = [];
    const cases: string[] = [];
    cleanups.push(await subscribeToChanges(owner, { onAlert: (c) => alerts.push(...c.alertIds), onCase: (c) => cases.push(c.caseId) }));
    const alert = await createAlert(prisma, owner);
    const kase = await createCase(prisma, owner);
    await prisma.$transaction(async (tx) => {
      await publishAlertChange(tx, { organisationId: owner, alertIds: [alert.id], kind: "updated" });
      await publishCaseChange(tx, { caseId: kase.id, kind: "created" });
    });
    await waitFor(() => alerts.length === 1 && cases.length === 1, "both changes");
    expect({ alerts, cases }).toEqual({ alerts: [alert.id], cases: [kase.id] });
  });
});

/** An events stream read in the background; the case ids it announced, in order. */
async function openStream(viewer: Viewer) {
  const abort = new AbortController();
  const body = await createAlertEventStream(viewer, { batchMs: 30, signal: abort.signal });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const state = { text: "" };
  const finished = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      state.text += decoder.decode(value, { stream: true });
    }
  })();
  const caseIds = () =>
    state.text
      .split("\n\n")
      .filter((block) => block.startsWith("event: case\n"))
      .map((block) => (JSON.parse(block.slice(block.indexOf("data: ") + 6)) as { caseId: string }).caseId);
  cleanups.push(async () => {
    abort.abort();
    await finished;
  });
  return { caseIds, state };
}

describe("case events on the live stream", () => {
  it("go only to viewers who may see the case", async () => {
    const { prisma } = db();
    const red = await createCase(prisma, owner, { tlp: "RED", memberIds: [member.userId], sharedWith: [taskForce] });
    const strict = await createCase(prisma, owner, { tlp: "AMBER_STRICT", memberIds: [reviewerMember.userId], sharedWith: [taskForce] });
    const amber = await createCase(prisma, owner, { tlp: "AMBER", memberIds: [reviewerMember.userId], sharedWith: [taskForce] });
    const green = await createCase(prisma, owner, { tlp: "GREEN", sharedWith: [taskForce] });
    const unshared = await createCase(prisma, owner, { tlp: "GREEN" });
    const elsewhere = await createCase(prisma, other, { tlp: "CLEAR" });

    const viewers = { lead, member, analyst, reviewer, reviewerMember, outsider };
    const streams = Object.fromEntries(await Promise.all(Object.entries(viewers).map(async ([k, v]) => [k, await openStream(v)] as const)));
    await waitFor(() => Object.values(streams).every((s) => s.state.text.startsWith("retry:")), "every stream to open");

    // Even naming an organisation in the notification does not let it see what it may not.
    for (const c of [red, strict, amber, green, unshared]) await publish(c.id, [owner, other]);
    await publish(elsewhere.id);
    // A marker each viewer may see, published last: once it arrives, everything before has.
    const markers = new Map<string, string>();
    for (const [k, v] of Object.entries(viewers)) {
      const marker = await createCase(prisma, v.organisationId, { tlp: "CLEAR" });
      markers.set(k, marker.id);
      await publish(marker.id);
    }
    for (const [k, s] of Object.entries(streams)) await waitFor(() => s.caseIds().includes(markers.get(k)!), `${k}'s marker`);
    const markerIds = new Set(markers.values());
    const heard = (k: keyof typeof viewers) => streams[k]!.caseIds().filter((id) => !markerIds.has(id));

    // RED: named members only, not the RED-cleared lead; never the task force.
    expect(heard("member")).toEqual([red.id, strict.id, amber.id, green.id, unshared.id]);
    expect(heard("lead")).toEqual([strict.id, amber.id, green.id, unshared.id]);
    expect(heard("analyst")).toEqual([strict.id, amber.id, green.id, unshared.id]);
    // Shared organisation: GREEN; AMBER only as a named member; AMBER+STRICT and RED never.
    expect(heard("reviewer")).toEqual([green.id]);
    expect(heard("reviewerMember")).toEqual([amber.id, green.id]);
    // Another organisation: only its own case.
    expect(heard("outsider")).toEqual([elsewhere.id]);
  });

  it("stops telling an organisation about a case once it is unshared", async () => {
    const { prisma } = db();
    const green = await createCase(prisma, owner, { tlp: "GREEN", sharedWith: [taskForce] });
    const stream = await openStream(reviewer);
    await publish(green.id);
    await waitFor(() => stream.caseIds().includes(green.id), "the shared case");
    await prisma.caseShare.delete({ where: { caseId_organisationId: { caseId: green.id, organisationId: taskForce } } });
    // Told explicitly (as an unsharing mutation might), the stream still re-checks and drops it.
    await publish(green.id, [taskForce]);
    const marker = await createCase(prisma, taskForce, { tlp: "CLEAR" });
    await publish(marker.id);
    await waitFor(() => stream.caseIds().includes(marker.id), "the marker");
    expect(stream.caseIds()).toEqual([green.id, marker.id]);
  });

  it("announces a case changed several times in one batch once, and unsubscribes at the end", async () => {
    const { prisma } = db();
    const kase = await createCase(prisma, owner, { tlp: "GREEN" });
    const stream = await openStream(analyst);
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < 3; i++) await publishCaseChange(tx, { caseId: kase.id, kind: "updated" });
    });
    await waitFor(() => stream.caseIds().length > 0, "the change");
    await new Promise((r) => setTimeout(r, 200));
    expect(stream.caseIds()).toEqual([kase.id]);
    expect(stream.state.text).toContain(`event: case\ndata: {"caseId":"${kase.id}","kind":"updated"}\n\n`);
    while (cleanups.length) await cleanups.pop()!();
    expect(alertHubSubscriberCount()).toBe(0);
  });
});
