import { beforeAll, describe, expect, it } from "vitest";
import { ALERT_COUNT_CAP, countAlerts, listAlerts, type AlertRow } from "@/lib/alerts/data/list";
import { alertListQuerySchema, type AlertListQuery } from "@/lib/alerts/schema";
import type { UserViewer } from "@/lib/auth/permissions";
import { createAlert, createEntity, createOrg, createViewer, linkEntity } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

const db = useTestDb();
const query = (raw: Record<string, unknown> = {}) => alertListQuerySchema.parse(raw);
const ids = (rows: AlertRow[]) => rows.map((r) => r.id);

/** Every page of a view, following next cursors from the first page. */
async function walkForward(viewer: UserViewer, raw: Record<string, unknown>): Promise<AlertRow[]> {
  const rows: AlertRow[] = [];
  let page = await listAlerts(viewer, query(raw));
  rows.push(...page.rows);
  for (let guard = 0; page.nextCursor && guard < 100; guard++) {
    page = await listAlerts(viewer, query({ ...raw, after: page.nextCursor }));
    rows.push(...page.rows);
  }
  return rows;
}

/** Every page walking back from the last one, in display order. */
async function walkBackward(viewer: UserViewer, raw: Record<string, unknown>, lastPrev: string | null): Promise<AlertRow[]> {
  const pages: AlertRow[][] = [];
  let cursor = lastPrev;
  for (let guard = 0; cursor && guard < 100; guard++) {
    const page = await listAlerts(viewer, query({ ...raw, before: cursor }));
    pages.unshift(page.rows);
    cursor = page.prevCursor;
  }
  return pages.flat();
}

describe("full-text search", () => {
  let orgId: string, otherOrgId: string;
  let analyst: UserViewer, lead: UserViewer, outsider: UserViewer;

  beforeAll(async () => {
    const { prisma } = db();
    orgId = (await createOrg(prisma)).id;
    otherOrgId = (await createOrg(prisma)).id;
    analyst = await createViewer(prisma, orgId, "ANALYST", "AMBER_STRICT");
    lead = await createViewer(prisma, orgId, "LEAD", "RED");
    outsider = await createViewer(prisma, otherOrgId, "ADMIN", "RED");
  });

  it("finds alerts by a title word, a stemmed summary word and a linked entity's alias", async () => {
    const { prisma } = db();
    const byTitle = await createAlert(prisma, orgId, { title: "Phishing wave against candidates", tlp: "GREEN" });
    const bySummary = await createAlert(prisma, orgId, {
      title: "Newsletter anomaly",
      summary: "Emails to parliamentarians contained tracking pixels that leaked device details.",
    });
    const byAlias = await createAlert(prisma, orgId, { title: "Reconnaissance against IPAC members" });
    const apt31 = await createEntity(prisma, orgId, { name: "APT31", aliases: ["Zirconium", "Violet Typhoon"] });
    await linkEntity(prisma, byAlias.id, apt31.id);
    await createAlert(prisma, orgId, { title: "Unrelated donation check" });

    expect(ids((await listAlerts(analyst, query({ q: "phishing" }))).rows)).toEqual([byTitle.id]);
    // "tracked pixel" stems to track & pixel, matching "tracking pixels".
    expect(ids((await listAlerts(analyst, query({ q: "tracked pixel" }))).rows)).toEqual([bySummary.id]);
    expect(ids((await listAlerts(analyst, query({ q: "zirconium" }))).rows)).toEqual([byAlias.id]);
    expect(ids((await listAlerts(analyst, query({ q: "APT31" }))).rows)).toEqual([byAlias.id]);
    expect(ids((await listAlerts(analyst, query({ q: '"violet typhoon"' }))).rows)).toEqual([byAlias.id]);
    expect((await listAlerts(analyst, query({ q: "zirconium -ipac" }))).rows).toEqual([]);

    // Renaming an entity's aliases re-indexes its alerts (database trigger).
    await prisma.entity.update({ where: { id: apt31.id }, data: { aliases: ["Judgment Panda"] } });
    expect(ids((await listAlerts(analyst, query({ q: "panda" }))).rows)).toEqual([byAlias.id]);
    expect((await listAlerts(analyst, query({ q: "zirconium" }))).rows).toEqual([]);
  });

  it("never finds another organisation's alerts or alerts beyond the viewer's visibility", async () => {
    const { prisma } = db();
    const visible = await createAlert(prisma, orgId, { title: "Spearphishing lure impersonating a journalist", tlp: "AMBER" });
    const red = await createAlert(prisma, orgId, { title: "Spearphishing lure seen by the task force", tlp: "RED" });
    const vetting = await createAlert(prisma, orgId, { kind: "VETTING", title: "Spearphishing of a candidate's agent", tlp: "GREEN" });
    const foreign = await createAlert(prisma, otherOrgId, { title: "Spearphishing lure elsewhere", tlp: "CLEAR" });

    const forAnalyst = await listAlerts(analyst, query({ q: "spearphishing" }));
    expect(ids(forAnalyst.rows)).toEqual([visible.id]);
    expect(await countAlerts(analyst, query({ q: "spearphishing" }))).toEqual({ total: 1, capped: false });
    expect(await countAlerts(outsider, query({ q: "spearphishing" }))).toEqual({ total: 1, capped: false });
    expect(ids((await listAlerts(lead, query({ q: "spearphishing" }))).rows).sort()).toEqual([visible.id, red.id, vetting.id].sort());
    expect(ids((await listAlerts(outsider, query({ q: "spearphishing" }))).rows)).toEqual([foreign.id]);
  });

  it("keeps newest-first order and pages through search results", async () => {
    const { prisma } = db();
    const base = Date.UTC(2025, 5, 1);
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(await createAlert(prisma, orgId, { title: `Ballot code guessing burst ${i}`, createdAt: new Date(base + i * 60_000) }));
    }
    const rows = await walkForward(analyst, { q: "guessing", limit: 2 });
    expect(ids(rows)).toEqual(made.map((a) => a.id).reverse());
  });

  it("treats search syntax as text, never as SQL or an error", async () => {
    for (const q of ["'; DROP TABLE \"Alert\"; --", "a & b | !c", "(((", "\"unterminated", "the"]) {
      await expect(listAlerts(analyst, query({ q }))).resolves.toMatchObject({ rows: expect.any(Array) });
    }
  });
});

describe("sorting and keyset pagination", () => {
  let viewer: UserViewer;
  let all: { id: string; severity: string; createdAt: Date; lastSeenAt: Date }[];

  beforeAll(async () => {
    const { prisma } = db();
    const orgId = (await createOrg(prisma)).id;
    viewer = await createViewer(prisma, orgId, "LEAD", "RED");
    const base = Date.UTC(2026, 0, 10);
    const severities = ["HIGH", "LOW", "HIGH", "CRITICAL", "HIGH", "LOW", "INFO", "HIGH", "CRITICAL", "MEDIUM", "HIGH"] as const;
    all = [];
    for (let i = 0; i < severities.length; i++) {
      // Ties everywhere: createdAt repeats in threes, lastSeenAt in pairs, severities repeat.
      const createdAt = new Date(base + Math.floor(i / 3) * 60_000);
      const lastSeenAt = new Date(base + 3_600_000 - Math.floor(i / 2) * 60_000);
      all.push(await createAlert(prisma, orgId, { severity: severities[i], createdAt, lastSeenAt }));
    }
  });

  const rank = { INFO: 0, LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 } as Record<string, number>;
  const desc = (x: number | string, y: number | string) => (x < y ? 1 : x > y ? -1 : 0);
  const expected: Record<AlertListQuery["sort"], () => string[]> = {
    newest: () => [...all].sort((x, y) => desc(x.createdAt.getTime(), y.createdAt.getTime()) || desc(x.id, y.id)).map((a) => a.id),
    severity: () =>
      [...all]
        .sort((x, y) => desc(rank[x.severity]!, rank[y.severity]!) || desc(x.createdAt.getTime(), y.createdAt.getTime()) || desc(x.id, y.id))
        .map((a) => a.id),
    lastSeen: () => [...all].sort((x, y) => desc(x.lastSeenAt.getTime(), y.lastSeenAt.getTime()) || desc(x.id, y.id)).map((a) => a.id),
  };

  for (const sort of ["newest", "severity", "lastSeen"] as const) {
    it(`walks every page of "${sort}" exactly once, in order, both ways`, async () => {
      for (const limit of [1, 2, 3, 4]) {
        const forward = await walkForward(viewer, { sort, limit });
        expect(ids(forward)).toEqual(expected[sort]());
        const last = await listAlerts(viewer, query({ sort, limit, after: await cursorBeforeLastPage(sort, limit) }));
        expect(last.nextCursor).toBeNull();
        const backward = await walkBackward(viewer, { sort, limit }, last.prevCursor);
        expect([...ids(backward), ...ids(last.rows)]).toEqual(expected[sort]());
      }
    });
  }

  /** The cursor that leads to the last page. */
  async function cursorBeforeLastPage(sort: AlertListQuery["sort"], limit: number): Promise<string | undefined> {
    let page = await listAlerts(viewer, query({ sort, limit }));
    let previous: string | undefined;
    while (page.nextCursor) {
      previous = page.nextCursor;
      page = await listAlerts(viewer, query({ sort, limit, after: previous }));
    }
    return previous;
  }

  it("ignores a cursor written for another sort order and starts at the first page", async () => {
    const first = await listAlerts(viewer, query({ sort: "severity", limit: 3 }));
    const mixed = await listAlerts(viewer, query({ sort: "lastSeen", limit: 3, after: first.nextCursor! }));
    expect(ids(mixed.rows)).toEqual(expected.lastSeen().slice(0, 3));
    expect(mixed.prevCursor).toBeNull();
  });

  it("returns version with each row", async () => {
    const page = await listAlerts(viewer, query({ limit: 1 }));
    expect(page.rows[0]).toMatchObject({ version: 1, assignee: null });
    expect(page.rows[0]!.createdAt).toBeInstanceOf(Date);
  });
});

describe("filters", () => {
  let orgId: string;
  let lead: UserViewer;

  beforeAll(async () => {
    const { prisma } = db();
    orgId = (await createOrg(prisma)).id;
    lead = await createViewer(prisma, orgId, "LEAD", "RED");
  });

  it("filters by source, assignee and linked entity, alone and combined with search and sort", async () => {
    const { prisma } = db();
    const ncsc = await createAlert(prisma, orgId, { source: "ncsc-feed", title: "Exchange ProxyShell advisory", severity: "HIGH" });
    const ncscMine = await createAlert(prisma, orgId, { source: "ncsc-feed", title: "Exchange web shell found", assigneeId: lead.userId });
    const manual = await createAlert(prisma, orgId, { source: "manual", title: "Exchange server spam" });
    const actor = await createEntity(prisma, orgId, { name: "Star Blizzard", aliases: ["SEABORGIUM"] });
    const otherActor = await createEntity(prisma, orgId, { name: "APT31" });
    await linkEntity(prisma, ncsc.id, actor.id);
    await linkEntity(prisma, manual.id, actor.id);
    await linkEntity(prisma, manual.id, otherActor.id);

    expect(ids((await listAlerts(lead, query({ source: "ncsc-feed" }))).rows).sort()).toEqual([ncsc.id, ncscMine.id].sort());
    expect(ids((await listAlerts(lead, query({ source: "ncsc-feed", assignee: "me" }))).rows)).toEqual([ncscMine.id]);
    expect(ids((await listAlerts(lead, query({ source: "ncsc-feed", assignee: "unassigned" }))).rows)).toEqual([ncsc.id]);
    expect(ids((await listAlerts(lead, query({ entity: actor.id, sort: "severity" }))).rows)).toEqual([ncsc.id, manual.id]);
    expect(ids((await listAlerts(lead, query({ entity: actor.id, source: "manual", q: "exchange" }))).rows)).toEqual([manual.id]);
    expect((await listAlerts(lead, query({ source: "no-such-source" }))).rows).toEqual([]);
  });

  it("filters by creation date, a bare date covering the whole UK day", async () => {
    const { prisma } = db();
    const org = (await createOrg(prisma)).id;
    const v = await createViewer(prisma, org, "ANALYST");
    // 10 June 2026 in London (BST) runs from 2026-06-09T23:00Z to 2026-06-10T23:00Z.
    const before = await createAlert(prisma, org, { createdAt: new Date("2026-06-09T22:59:59.999Z") });
    const start = await createAlert(prisma, org, { createdAt: new Date("2026-06-09T23:00:00.000Z") });
    const end = await createAlert(prisma, org, { createdAt: new Date("2026-06-10T22:59:59.999Z") });
    const after = await createAlert(prisma, org, { createdAt: new Date("2026-06-10T23:00:00.000Z") });

    const day = await listAlerts(v, query({ from: "2026-06-10", to: "2026-06-10" }));
    expect(ids(day.rows)).toEqual([end.id, start.id]);
    expect(ids((await listAlerts(v, query({ from: "2026-06-10" }))).rows)).toEqual([after.id, end.id, start.id]);
    expect(ids((await listAlerts(v, query({ to: "2026-06-09" }))).rows)).toEqual([before.id]);
    // Instants are inclusive at both ends.
    const exact = await listAlerts(v, query({ from: "2026-06-09T23:00:00.000Z", to: "2026-06-10T23:00:00Z" }));
    expect(ids(exact.rows)).toEqual([after.id, end.id, start.id]);
  });

  it("caps the count at ALERT_COUNT_CAP and says so", async () => {
    const { prisma } = db();
    const org = (await createOrg(prisma)).id;
    const v = await createViewer(prisma, org, "ANALYST");
    await prisma.$executeRaw`
      INSERT INTO "Alert" ("id", "organisationId", "kind", "title", "summary", "severity", "tlp", "source", "fingerprint",
                           "firstSeenAt", "lastSeenAt", "updatedAt")
      SELECT gen_random_uuid(), ${org}::uuid, 'INCIDENT', 'Bulk ' || g, 'Bulk alert', 'LOW', 'GREEN', 'bulk', 'bulk-' || g, now(), now(), now()
        FROM generate_series(1, ${ALERT_COUNT_CAP}) g`;
    await createAlert(prisma, org, { severity: "CRITICAL", tlp: "GREEN" });

    expect(await countAlerts(v, query({ limit: 10 }))).toEqual({ total: ALERT_COUNT_CAP, capped: true });
    expect((await listAlerts(v, query({ limit: 10 }))).rows).toHaveLength(10);
    expect(await countAlerts(v, query({ severity: "CRITICAL" }))).toEqual({ total: 1, capped: false });
    // Exactly at the cap is still exact; one more is "10,000+".
    expect(await countAlerts(v, query({ severity: "LOW" }))).toEqual({ total: ALERT_COUNT_CAP, capped: false });
  });
});
