import { beforeAll, describe, expect, it } from "vitest";
import { POST, GET } from "@/app/api/v1/alerts/route";
import { alertFingerprint } from "@/lib/alerts/fingerprint";
import type { Capability, UserViewer } from "@/lib/auth/permissions";
import type { Tlp } from "@/lib/db/generated/enums";
import { createApiToken, revokeApiToken } from "@/lib/tokens/data";
import { mergeAlerts } from "@/lib/alerts/data/bulk";
import { createAlert, createOrg, createViewer } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

const db = useTestDb();
const URL_ = "http://localhost/api/v1/alerts";

let orgA: string, orgB: string;
let adminA: UserViewer, adminB: UserViewer;
let tokenA: string, tokenB: string, readOnlyToken: string, greenToken: string;

async function token(admin: UserViewer, capabilities: Capability[], clearance: Tlp = "AMBER", name = "feed"): Promise<string> {
  return (await createApiToken(admin, { name, capabilities, clearance, expiresInDays: undefined })).secret;
}

interface PostOptions {
  token?: string | null;
  headers?: Record<string, string>;
  contentType?: string | null;
}

function post(body: unknown, o: PostOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.token !== null) headers.authorization = `Bearer ${o.token ?? tokenA}`;
  if (o.contentType !== null) headers["content-type"] = o.contentType ?? "application/json";
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return POST(new Request(URL_, { method: "POST", headers, body: text }), {});
}

let counter = 0;
function alert(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return { kind: "INCIDENT", title: `Phishing wave ${counter}`, severity: "MEDIUM", source: "mail-gateway", sourceRef: `MG-${counter}-${Date.now()}`, ...overrides };
}

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = (await res.json()) as { status: number; title: string; detail?: string; errors?: { path: string; message: string }[] };
  expect(body.status).toBe(status);
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack traces
  return body;
}

beforeAll(async () => {
  const { prisma } = db();
  orgA = (await createOrg(prisma, "Party A")).id;
  orgB = (await createOrg(prisma, "Party B")).id;
  adminA = await createViewer(prisma, orgA, "ADMIN", "RED");
  adminB = await createViewer(prisma, orgB, "ADMIN", "RED");
  tokenA = await token(adminA, ["alert:read", "alert:triage"], "AMBER");
  tokenB = await token(adminB, ["alert:read", "alert:triage"], "AMBER");
  readOnlyToken = await token(adminA, ["alert:read"], "AMBER");
  greenToken = await token(adminA, ["alert:triage"], "GREEN");
});

describe("POST /api/v1/alerts: creating and deduplicating", () => {
  it("creates one alert (201) and stores what was sent", async () => {
    const { prisma } = db();
    const input = alert({
      title: "  APT31 reconnaissance   e-mails ",
      summary: "Tracking pixels sent to MPs' staff.",
      severity: "HIGH",
      occurredAt: "2026-01-01T10:00:00Z",
      entities: [{ kind: "THREAT_ACTOR", name: "APT31" }, { kind: "INFRASTRUCTURE", name: "tracker.example" }],
    });
    const res = await post(input);
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json");
    const body = await res.json();
    expect(body).toMatchObject({ created: 1, deduplicated: 0, reopened: 0, rejected: 0, results: [{ index: 0, status: "created" }] });
    const id = body.results[0].id as string;

    const row = await prisma.alert.findUniqueOrThrow({ where: { id }, include: { entities: { include: { entity: true } } } });
    expect(row).toMatchObject({
      organisationId: orgA, kind: "INCIDENT", title: "APT31 reconnaissance   e-mails", severity: "HIGH", tlp: "AMBER",
      status: "NEW", source: "mail-gateway", sourceRef: input.sourceRef, occurrences: 1, version: 1,
      fingerprint: alertFingerprint({ kind: "INCIDENT", source: "mail-gateway", sourceRef: input.sourceRef as string, title: "" }),
    });
    expect(row.firstSeenAt.toISOString()).toBe("2026-01-01T10:00:00.000Z");
    expect(row.lastSeenAt.toISOString()).toBe("2026-01-01T10:00:00.000Z");
    expect(row.entities.map((e) => e.entity.name).sort()).toEqual(["APT31", "tracker.example"]);
    const audit = await prisma.auditEvent.findFirst({ where: { organisationId: orgA, action: "alert.ingest" }, orderBy: { createdAt: "desc" } });
    expect(audit?.actorLabel).toContain("API token");
    expect(audit?.summary).toMatchObject({ created: 1, createdIds: [id] });
  });

  it("deduplicates by (source, sourceRef): occurrences and lastSeenAt rise, content and first-seen stay", async () => {
    const { prisma } = db();
    const first = alert({ occurredAt: "2026-02-01T08:00:00Z" });
    const r1 = await (await post(first)).json();
    const res = await post({ ...first, title: "Edited title", occurredAt: "2026-02-03T08:00:00Z" });
    expect(res.status).toBe(200);
    const r2 = await res.json();
    expect(r2).toMatchObject({ created: 0, deduplicated: 1, results: [{ index: 0, status: "deduplicated", id: r1.results[0].id }] });
    const row = await prisma.alert.findUniqueOrThrow({ where: { id: r1.results[0].id } });
    expect(row).toMatchObject({ occurrences: 2, title: first.title, version: 2 });
    expect(row.firstSeenAt.toISOString()).toBe("2026-02-01T08:00:00.000Z");
    expect(row.lastSeenAt.toISOString()).toBe("2026-02-03T08:00:00.000Z");

    // An older sighting never moves lastSeenAt back.
    await post({ ...first, occurredAt: "2026-02-02T08:00:00Z" });
    const again = await prisma.alert.findUniqueOrThrow({ where: { id: row.id } });
    expect(again.occurrences).toBe(3);
    expect(again.lastSeenAt.toISOString()).toBe("2026-02-03T08:00:00.000Z");
  });

  it("deduplicates by content when there is no sourceRef (case and whitespace of the title ignored)", async () => {
    const { prisma } = db();
    const base = { kind: "ADVISORY", source: "ncsc", severity: "LOW", sourceRef: undefined };
    const r1 = await (await post({ ...base, title: "Patch Ivanti Connect Secure now" })).json();
    const res = await post({ ...base, title: "patch  ivanti connect SECURE now " });
    expect(res.status).toBe(200);
    expect((await res.json()).results[0]).toMatchObject({ status: "deduplicated", id: r1.results[0].id });
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: r1.results[0].id } })).occurrences).toBe(2);
    // A different kind is a different alert.
    expect((await post({ ...base, kind: "INCIDENT", title: "Patch Ivanti Connect Secure now" })).status).toBe(201);
  });

  it("folds repeats inside one batch into one row, counting each", async () => {
    const { prisma } = db();
    const a = alert();
    const res = await post({ alerts: [a, { ...a, severity: "HIGH" }, a] });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ created: 1, deduplicated: 2 });
    const ids = new Set(body.results.map((r: { id: string }) => r.id));
    expect(ids.size).toBe(1);
    const row = await prisma.alert.findUniqueOrThrow({ where: { id: [...ids][0] as string } });
    expect(row).toMatchObject({ occurrences: 3, severity: "HIGH" });
  });

  it("deduplicates onto an alert stored by another writer with the same source and sourceRef", async () => {
    const { prisma } = db();
    const legacy = await createAlert(prisma, orgA, { tlp: "GREEN" }); // source "test"
    const res = await post(alert({ source: "test", sourceRef: legacy.sourceRef }));
    expect(res.status).toBe(200);
    expect((await res.json()).results[0]).toMatchObject({ status: "deduplicated", id: legacy.id });
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: legacy.id } })).occurrences).toBe(2);
  });
});

describe("POST /api/v1/alerts: dismissed alerts", () => {
  it("reopens a dismissed alert only when a repeat is more severe", async () => {
    const { prisma } = db();
    const a = alert({ severity: "MEDIUM" });
    const id = (await (await post(a)).json()).results[0].id as string;
    await prisma.alert.update({ where: { id }, data: { status: "DISMISSED", statusReason: "Benign", closedAt: new Date() } });

    for (const severity of ["MEDIUM", "LOW"]) {
      const res = await post({ ...a, severity });
      expect((await res.json()).results[0].status).toBe("deduplicated");
      expect(await prisma.alert.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DISMISSED", severity: "MEDIUM", statusReason: "Benign" });
    }

    const res = await post({ ...a, severity: "CRITICAL" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ reopened: 1, results: [{ status: "reopened", id }] });
    const row = await prisma.alert.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "NEW", severity: "CRITICAL", closedAt: null, occurrences: 4, version: 4 });
    expect(row.statusReason).toMatch(/Reopened automatically/);
    const history = await prisma.auditEvent.findMany({ where: { targetType: "Alert", targetId: id, action: "alert.status" } });
    expect(history).toHaveLength(1);
  });
});

describe("POST /api/v1/alerts: partial batches and validation", () => {
  it("stores the valid items of a batch and reports each invalid one with field paths", async () => {
    const { prisma } = db();
    const good1 = alert();
    const good2 = alert();
    const res = await post({ alerts: [good1, alert({ severity: "SEVERE" }), good2, alert({ bogus: 1 }), alert({ tlp: "RED" })] });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ created: 2, rejected: 3 });
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(["created", "rejected", "created", "rejected", "rejected"]);
    expect(body.results[1].errors).toEqual([expect.objectContaining({ path: "alerts[1].severity" })]);
    expect(body.results[3].errors).toEqual([{ path: "alerts[3].bogus", message: "Unknown field" }]);
    expect(body.results[4].errors).toEqual([expect.objectContaining({ path: "alerts[4].tlp" })]);
    const stored = await prisma.alert.findMany({ where: { organisationId: orgA, sourceRef: { in: [good1.sourceRef as string, good2.sourceRef as string] } } });
    expect(stored).toHaveLength(2);
  });

  it("answers 422 with field paths when nothing is valid", async () => {
    const single = await expectProblem(await post({ kind: "INCIDENT", title: "", severity: "HIGH", source: "Bad Source!", extra: true }), 422);
    expect(single.errors!.map((e) => e.path).sort()).toEqual(["extra", "source", "title"]);

    const batch = await expectProblem(await post({ alerts: [alert({ kind: "NOPE" }), alert({ occurredAt: "2999-01-01T00:00:00Z" })] }), 422);
    expect(batch.errors!.map((e) => e.path)).toEqual(["alerts[0].kind", "alerts[1].occurredAt"]);

    const empty = await expectProblem(await post({ alerts: [] }), 422);
    expect(empty.errors![0]!.path).toBe("alerts");
    const tooMany = await expectProblem(await post({ alerts: Array.from({ length: 1001 }, () => ({})) }), 422);
    expect(tooMany.errors![0]!.path).toBe("alerts");
    await expectProblem(await post([alert()]), 422);
    await expectProblem(await post("42"), 422);
  });

  it("answers 400 for malformed JSON or an empty body, 415 for other content types", async () => {
    await expectProblem(await post("{ not json"), 400);
    await expectProblem(await post(""), 400);
    await expectProblem(await post(JSON.stringify(alert()), { contentType: "text/plain" }), 415);
    await expectProblem(await post(JSON.stringify(alert()), { contentType: null }), 415);
    await expectProblem(await post(JSON.stringify(alert()), { contentType: "application/json; charset=latin1" }), 415);
    expect((await post(alert(), { contentType: "application/json; charset=utf-8" })).status).toBe(201);
  });

  it("answers 413 beyond 1 MiB, whether declared or streamed", async () => {
    const big = JSON.stringify({ alerts: [alert({ summary: "x".repeat(1024 * 1024) })] });
    await expectProblem(await post(big), 413);
    // No Content-Length: the cap is enforced on the bytes actually read.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
        for (let i = 0; i < 20; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const request = new Request(URL_, {
      method: "POST",
      headers: { authorization: `Bearer ${tokenA}`, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    await expectProblem(await POST(request, {}), 413);
  });

  it("answers 405 with Allow for other methods", async () => {
    const res = GET();
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toContain("POST");
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("POST /api/v1/alerts: tokens", () => {
  it("answers 401 with a Bearer challenge for a missing, malformed or unknown token", async () => {
    for (const res of [
      await post(alert(), { token: null }),
      await post(alert(), { token: "not-a-token" }),
      await post(alert(), { token: `vgl_${"A".repeat(43)}` }),
      await post(alert(), { headers: { authorization: `Basic ${btoa("a:b")}` }, token: null }),
    ]) {
      await expectProblem(res, 401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });

  it("answers 401 once a token is revoked or expired", async () => {
    const { prisma } = db();
    const created = await createApiToken(adminA, { name: "short-lived", capabilities: ["alert:triage"], clearance: "AMBER", expiresInDays: 1 });
    expect((await post(alert(), { token: created.secret })).status).toBe(201);
    await prisma.apiToken.update({ where: { id: created.token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectProblem(await post(alert(), { token: created.secret }), 401);

    const other = await createApiToken(adminA, { name: "revoked", capabilities: ["alert:triage"], clearance: "AMBER", expiresInDays: undefined });
    await revokeApiToken(adminA, other.token.id);
    await expectProblem(await post(alert(), { token: other.secret }), 401);
  });

  it("answers 403 for a token without alert:triage, before reading the body", async () => {
    const body = await expectProblem(await post("{ not even json", { token: readOnlyToken }), 403);
    expect(body.detail).toContain("alert:triage");
  });

  it("rejects items above the token's clearance", async () => {
    const res = await post(alert({ tlp: "AMBER" }), { token: greenToken });
    const body = await expectProblem(res, 422);
    expect(body.errors).toEqual([expect.objectContaining({ path: "tlp" })]);
    expect((await post(alert({ tlp: "CLEAR" }), { token: greenToken })).status).toBe(201);
  });

  it("keeps organisations apart: the same sourceRef is a separate alert per organisation", async () => {
    const { prisma } = db();
    const a = alert();
    const inA = (await (await post(a)).json()).results[0].id;
    const res = await post(a, { token: tokenB });
    expect(res.status).toBe(201);
    const inB = (await res.json()).results[0].id;
    expect(inB).not.toBe(inA);
    const rows = await prisma.alert.findMany({ where: { sourceRef: a.sourceRef as string }, orderBy: { organisationId: "asc" } });
    expect(rows.map((r) => [r.organisationId, r.occurrences]).sort()).toEqual([[orgA, 1], [orgB, 1]].sort());
    // Entities are per organisation too.
    await post({ ...alert(), entities: [{ kind: "THREAT_ACTOR", name: "APT-SHARED" }] }, { token: tokenB });
    await post({ ...alert(), entities: [{ kind: "THREAT_ACTOR", name: "APT-SHARED" }] });
    const entities = await prisma.entity.findMany({ where: { name: "APT-SHARED" } });
    expect(entities.map((e) => e.organisationId).sort()).toEqual([orgA, orgB].sort());
  });

  it("does not reveal the id of an existing alert the token may not read", async () => {
    const { prisma } = db();
    const secret = await createAlert(prisma, orgA, { tlp: "RED" });
    const res = await post(alert({ source: "test", sourceRef: secret.sourceRef, tlp: "GREEN" }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.results[0]).toEqual({ index: 0, status: "deduplicated" });
  });
});

describe("POST /api/v1/alerts: Idempotency-Key", () => {
  it("creates exactly one alert for 20 concurrent requests with one key, with identical answers", async () => {
    const { prisma } = db();
    const a = alert();
    const key = `retry-${Date.now()}`;
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(a, { headers: { "Idempotency-Key": key } })));
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(bodies).size).toBe(1);
    expect(responses.filter((r) => r.headers.get("idempotency-replayed") === "true")).toHaveLength(19);
    const rows = await prisma.alert.findMany({ where: { organisationId: orgA, sourceRef: a.sourceRef as string } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.occurrences).toBe(1);
  });

  it("refuses the same key with a different body (422) and keeps keys per organisation", async () => {
    const key = `k-${Date.now()}`;
    expect((await post(alert(), { headers: { "Idempotency-Key": key } })).status).toBe(201);
    const body = await expectProblem(await post(alert(), { headers: { "Idempotency-Key": key } }), 422);
    expect(body.detail).toMatch(/Idempotency-Key/);
    // Another organisation's identical key is unrelated.
    expect((await post(alert(), { token: tokenB, headers: { "Idempotency-Key": key } })).status).toBe(201);
  });

  it("replays a stored 422 and refuses malformed keys with 400", async () => {
    const key = `bad-${Date.now()}`;
    const bad = { alerts: [alert({ severity: "NOPE" })] };
    await expectProblem(await post(bad, { headers: { "Idempotency-Key": key } }), 422);
    const replay = await post(bad, { headers: { "Idempotency-Key": key } });
    expect(replay.headers.get("idempotency-replayed")).toBe("true");
    await expectProblem(replay, 422);
    await expectProblem(await post(alert(), { headers: { "Idempotency-Key": "x".repeat(201) } }), 400);
  });
});

describe("repeats of merged duplicates", () => {
  it("also count on the alert the duplicate was merged into", async () => {
    const { prisma } = db();
    const first = alert({ title: "Lookalike domain prp-vote.example" });
    const second = alert({ title: "Lookalike domain prp-vote.example (second feed)" });
    const created = (await (await post({ alerts: [first, second] })).json()) as { results: { id: string }[] };
    const [primaryId, duplicateId] = created.results.map((r) => r.id) as [string, string];
    await mergeAlerts(adminA, { primaryId, duplicateIds: [duplicateId] });
    const before = await prisma.alert.findUniqueOrThrow({ where: { id: primaryId } });

    const repeatAt = new Date(Date.now() + 60_000).toISOString();
    expect((await post({ ...second, occurredAt: repeatAt })).status).toBe(200);

    const primary = await prisma.alert.findUniqueOrThrow({ where: { id: primaryId } });
    expect(primary.occurrences).toBe(before.occurrences + 1);
    expect(primary.lastSeenAt.toISOString()).toBe(repeatAt);
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: duplicateId } })).status).toBe("MERGED");
  });
});

