import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { UserViewer, Viewer } from "@/lib/auth/permissions";
import { refreshStreamViewer } from "@/lib/events/data";
import { alertHubSubscriberCount } from "@/lib/events/hub";
import { publishAlertChange, type AlertChange } from "@/lib/events/publish";
import { createAlertEventStream } from "@/lib/events/stream";
import { createApiToken, revokeApiToken } from "@/lib/tokens/data";
import { createAlert, createOrg, createViewer } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

// The live event stream: what a viewer hears (only alerts they may see), heartbeats, clean
// teardown on abort/cancel/revocation, and the route's authentication.

// Sessions come from next-auth cookies inside a Next request; here the signed-in viewer is set
// directly. Everything after getViewer() is the real code.
const session = vi.hoisted(() => ({ viewer: null as UserViewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => session.viewer }));
const { GET } = await import("@/app/api/v1/events/route");

const db = useTestDb();
let orgA: string, orgB: string;
let analyst: UserViewer, lead: UserViewer, admin: UserViewer, outsider: UserViewer;

beforeAll(async () => {
  const { prisma } = db();
  orgA = (await createOrg(prisma, "A")).id;
  orgB = (await createOrg(prisma, "B")).id;
  analyst = await createViewer(prisma, orgA, "ANALYST", "AMBER_STRICT");
  lead = await createViewer(prisma, orgA, "LEAD", "RED");
  admin = await createViewer(prisma, orgA, "ADMIN", "RED");
  outsider = await createViewer(prisma, orgB, "ADMIN", "RED");
});

afterEach(() => {
  session.viewer = null;
  vi.restoreAllMocks();
});

async function publish(change: AlertChange) {
  await db().prisma.$transaction((tx) => publishAlertChange(tx, change));
}

/** Reads an SSE body in the background; events and comments collected as they arrive. */
function readSse(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const state = { text: "", done: false };
  const finished = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      state.text += decoder.decode(value, { stream: true });
    }
    state.done = true;
  })();
  const events = () =>
    state.text
      .split("\n\n")
      .filter((block) => block.startsWith("event: alert\n"))
      .map((block) => JSON.parse(block.slice(block.indexOf("data: ") + 6)) as { kind: string; ids: string[] });
  return { state, events, finished, cancel: () => reader.cancel() };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function openStream(viewer: Viewer, options: Parameters<typeof createAlertEventStream>[1] = {}) {
  const abort = new AbortController();
  const body = await createAlertEventStream(viewer, { batchMs: 30, signal: abort.signal, ...options });
  return { ...readSse(body), abort };
}

describe("createAlertEventStream", () => {
  it("announces only the alerts the viewer may see, batched by kind", async () => {
    const { prisma } = db();
    const stream = await openStream(analyst);
    await waitFor(() => stream.state.text.startsWith("retry: 5000\n"), "the retry hint");

    const visible = await createAlert(prisma, orgA, { tlp: "AMBER" });
    const red = await createAlert(prisma, orgA, { tlp: "RED" });
    const vetting = await createAlert(prisma, orgA, { kind: "VETTING", tlp: "GREEN" });
    const elsewhere = await createAlert(prisma, orgB, { tlp: "CLEAR" });
    // An id of another organisation smuggled into this one's notification is still not shown.
    await publish({ organisationId: orgA, alertIds: [visible.id, red.id, vetting.id, elsewhere.id, randomUUID()], kind: "created" });
    await publish({ organisationId: orgB, alertIds: [elsewhere.id], kind: "created" });
    const later = await createAlert(prisma, orgA, { tlp: "GREEN" });
    await publish({ organisationId: orgA, alertIds: [later.id], kind: "updated" });

    await waitFor(() => stream.events().some((e) => e.ids.includes(later.id)), "the later update");
    expect(stream.events()).toEqual([
      { kind: "created", ids: [visible.id] },
      { kind: "updated", ids: [later.id] },
    ]);
    stream.abort.abort();
    await stream.finished;
  });

  it("lets a RED-cleared lead see what the analyst may not", async () => {
    const red = await createAlert(db().prisma, orgA, { tlp: "RED", kind: "VETTING" });
    const stream = await openStream(lead);
    await publish({ organisationId: orgA, alertIds: [red.id], kind: "updated" });
    await waitFor(() => stream.events().length === 1, "the event");
    expect(stream.events()).toEqual([{ kind: "updated", ids: [red.id] }]);
    stream.abort.abort();
    await stream.finished;
  });

  it("announces an alert created and changed within one batch once, as created", async () => {
    const alert = await createAlert(db().prisma, orgA);
    const stream = await openStream(analyst, { batchMs: 300 });
    await db().prisma.$transaction(async (tx) => {
      await publishAlertChange(tx, { organisationId: orgA, alertIds: [alert.id], kind: "created" });
      await publishAlertChange(tx, { organisationId: orgA, alertIds: [alert.id], kind: "updated" });
    });
    await waitFor(() => stream.events().length > 0, "the batch");
    await new Promise((r) => setTimeout(r, 400));
    expect(stream.events()).toEqual([{ kind: "created", ids: [alert.id] }]);
    stream.abort.abort();
    await stream.finished;
  });

  it("sends heartbeats", async () => {
    const stream = await openStream(analyst, { heartbeatMs: 40 });
    await waitFor(() => stream.state.text.includes(": heartbeat\n\n"), "a heartbeat");
    stream.abort.abort();
    await stream.finished;
  });

  it("ends and unsubscribes when the client aborts, cancels, or was already gone", async () => {
    expect(alertHubSubscriberCount()).toBe(0);
    const aborted = await openStream(analyst);
    const cancelled = await openStream(analyst);
    expect(alertHubSubscriberCount()).toBe(2);

    aborted.abort.abort();
    await aborted.finished;
    expect(aborted.state.done).toBe(true);
    await cancelled.cancel();
    await waitFor(() => alertHubSubscriberCount() === 0, "every subscriber to leave");

    const gone = new AbortController();
    gone.abort();
    const body = await createAlertEventStream(analyst, { signal: gone.signal });
    const late = readSse(body);
    await late.finished;
    expect(alertHubSubscriberCount()).toBe(0);
  });

  it("ends the stream when the viewer is no longer valid, and follows a changed one", async () => {
    let answer: Viewer | null = { ...analyst, clearance: "RED" };
    const refreshViewer = vi.fn(async () => answer);
    const stream = await openStream(analyst, { refreshViewer, revalidateMs: 40 });
    await waitFor(() => refreshViewer.mock.calls.length > 0, "a re-check");
    // Now cleared for RED (as re-read), the stream shows a RED alert.
    const red = await createAlert(db().prisma, orgA, { tlp: "RED" });
    await publish({ organisationId: orgA, alertIds: [red.id], kind: "created" });
    await waitFor(() => stream.events().length === 1, "the RED alert");

    answer = null;
    await stream.finished;
    await waitFor(() => alertHubSubscriberCount() === 0, "the subscriber to leave");
  });
});

describe("refreshStreamViewer", () => {
  it("drops a revoked token and a revoked session, and keeps valid ones", async () => {
    const { prisma } = db();
    const { token, secret } = await createApiToken(admin, { name: "feed", capabilities: ["alert:read"], clearance: "AMBER" });
    expect(secret).toMatch(/^vgl_/);
    const tokenViewer: Viewer = { kind: "token", tokenId: token.id, organisationId: orgA, name: "feed", capabilities: ["alert:read"], clearance: "AMBER" };
    expect(await refreshStreamViewer(tokenViewer)).toMatchObject({ tokenId: token.id, capabilities: ["alert:read"] });
    await revokeApiToken(admin, token.id);
    expect(await refreshStreamViewer(tokenViewer)).toBeNull();
    // Another organisation's claim on the same token id is never honoured.
    expect(await refreshStreamViewer({ ...tokenViewer, organisationId: orgB })).toBeNull();

    const row = await prisma.userSession.create({ data: { userId: analyst.userId, expiresAt: new Date(Date.now() + 3_600_000) } });
    const withSession = { ...analyst, sessionId: row.id };
    expect(await refreshStreamViewer(withSession)).toMatchObject({ userId: analyst.userId, sessionId: row.id });
    await prisma.userSession.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    expect(await refreshStreamViewer(withSession)).toBeNull();
  });
});

describe("GET /api/v1/events", () => {
  const request = (headers: Record<string, string>, signal?: AbortSignal) =>
    new Request("http://vigil.test/api/v1/events", { headers, signal });

  it("answers 401 problem+json without a session or token, and for a bad token", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer vgl_nonsense" }, { authorization: "Basic abc" }];
    for (const headers of attempts) {
      const res = await GET(request(headers), undefined);
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
    }
  });

  it("answers 403 for a token without alert:read", async () => {
    const { secret } = await createApiToken(admin, { name: "cases only", capabilities: ["case:read"], clearance: "AMBER" });
    const res = await GET(request({ authorization: `Bearer ${secret}` }), undefined);
    expect(res.status).toBe(403);
    expect(alertHubSubscriberCount()).toBe(0);
  });

  it("streams to a token with alert:read, with SSE headers, and cleans up on abort", async () => {
    const { secret } = await createApiToken(admin, { name: "siem", capabilities: ["alert:read"], clearance: "AMBER" });
    const abort = new AbortController();
    const res = await GET(request({ authorization: `Bearer ${secret}` }, abort.signal), undefined);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    const stream = readSse(res.body!);

    const amber = await createAlert(db().prisma, orgA, { tlp: "AMBER" });
    const strict = await createAlert(db().prisma, orgA, { tlp: "AMBER_STRICT" });
    await publish({ organisationId: orgA, alertIds: [amber.id, strict.id], kind: "created" });
    await waitFor(() => stream.events().length === 1, "the event");
    // The token is cleared to AMBER: the AMBER+STRICT alert is not announced.
    expect(stream.events()).toEqual([{ kind: "created", ids: [amber.id] }]);

    abort.abort();
    await stream.finished;
    await waitFor(() => alertHubSubscriberCount() === 0, "the subscriber to leave");
  });

  it("streams to the signed-in user of the session", async () => {
    session.viewer = outsider;
    const abort = new AbortController();
    const res = await GET(request({}, abort.signal), undefined);
    expect(res.status).toBe(200);
    const stream = readSse(res.body!);
    const theirs = await createAlert(db().prisma, orgB);
    const ours = await createAlert(db().prisma, orgA);
    await publish({ organisationId: orgA, alertIds: [ours.id], kind: "created" });
    await publish({ organisationId: orgB, alertIds: [theirs.id], kind: "created" });
    await waitFor(() => stream.events().length === 1, "the event");
    expect(stream.events()).toEqual([{ kind: "created", ids: [theirs.id] }]);
    abort.abort();
    await stream.finished;
  });
});
