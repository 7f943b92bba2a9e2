import { beforeAll, describe, expect, it } from "vitest";
import { listAlertEntities, listAlertSources } from "@/lib/alerts/data/filter-options";
import { getTriageMetrics } from "@/lib/alerts/data/metrics";
import { median } from "@/lib/alerts/metrics";
import type { UserViewer } from "@/lib/auth/permissions";
import { createAlert, createEntity, createOrg, createViewer, linkEntity } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

const db = useTestDb();
const MIN = 60_000;

describe("getTriageMetrics", () => {
  // Wednesday 10 June 2026, 13:00 in London (BST). The ISO week began on Monday 8 June at
  // 00:00 BST, which is 2026-06-07T23:00Z.
  const now = new Date("2026-06-10T12:00:00Z");
  const weekStart = new Date("2026-06-07T23:00:00Z");
  let analyst: UserViewer, lead: UserViewer;
  let orgId: string;

  beforeAll(async () => {
    const { prisma } = db();
    orgId = (await createOrg(prisma)).id;
    const otherOrgId = (await createOrg(prisma)).id;
    analyst = await createViewer(prisma, orgId, "ANALYST", "AMBER_STRICT");
    lead = await createViewer(prisma, orgId, "LEAD", "RED");
    const acked = (createdAt: Date, minutes: number) => ({ createdAt, acknowledgedAt: new Date(createdAt.getTime() + minutes * MIN), status: "ACKNOWLEDGED" as const });

    // Acknowledged this week after 10 min, 30 min, 80 min and 2 h (one created last week).
    await createAlert(prisma, orgId, acked(new Date("2026-06-08T09:00:00Z"), 10));
    await createAlert(prisma, orgId, acked(new Date("2026-06-09T14:00:00Z"), 30));
    await createAlert(prisma, orgId, acked(new Date("2026-06-07T22:40:00Z"), 80)); // acked Monday 01:00 BST
    await createAlert(prisma, orgId, acked(new Date("2026-06-10T08:00:00Z"), 120));
    // Acknowledged on Sunday 23:30 BST: last week.
    await createAlert(prisma, orgId, acked(new Date("2026-06-07T20:00:00Z"), 150));
    // Not acknowledged yet; open.
    await createAlert(prisma, orgId, { severity: "CRITICAL", createdAt: new Date("2026-06-10T10:00:00Z") });
    // Beyond the analyst's visibility: a RED alert and a vetting alert, both slow.
    await createAlert(prisma, orgId, { ...acked(new Date("2026-06-08T10:00:00Z"), 600), tlp: "RED" });
    await createAlert(prisma, orgId, { ...acked(new Date("2026-06-08T10:00:00Z"), 900), kind: "VETTING" });
    // Another organisation's, very fast.
    await createAlert(prisma, otherOrgId, acked(new Date("2026-06-09T10:00:00Z"), 1));
  });

  it("computes the median time to acknowledge for this UK week within the viewer's visibility", async () => {
    const metrics = await getTriageMetrics(analyst, now);
    expect(metrics.week.start).toEqual(weekStart);
    expect(metrics.week.end).toEqual(new Date("2026-06-14T23:00:00Z"));
    expect(metrics.acknowledgedThisWeek).toBe(4);
    // Even count: halfway between 30 and 80 minutes, as percentile_cont and median() both do.
    expect(metrics.medianTimeToAcknowledgeMs).toBe(55 * MIN);
    expect(metrics.medianTimeToAcknowledgeMs).toBe(median([10, 30, 80, 120].map((m) => m * MIN)));
  });

  it("includes what the viewer may see, and counts open alerts by severity", async () => {
    const metrics = await getTriageMetrics(lead, now);
    expect(metrics.acknowledgedThisWeek).toBe(6);
    expect(metrics.medianTimeToAcknowledgeMs).toBe(median([10, 30, 80, 120, 600, 900].map((m) => m * MIN)));
    expect(metrics.open.bySeverity.CRITICAL).toBe(1);
    expect(metrics.open.open).toBe(8);
  });

  it("has no median in a week with no acknowledgements", async () => {
    const metrics = await getTriageMetrics(analyst, new Date("2026-07-01T12:00:00Z"));
    expect(metrics).toMatchObject({ acknowledgedThisWeek: 0, medianTimeToAcknowledgeMs: null });
  });
});

describe("filter options", () => {
  it("lists distinct sources and linked entities of visible alerts only, never another organisation's", async () => {
    const { prisma } = db();
    const orgId = (await createOrg(prisma)).id;
    const otherOrgId = (await createOrg(prisma)).id;
    const analyst = await createViewer(prisma, orgId, "ANALYST", "AMBER");
    const lead = await createViewer(prisma, orgId, "LEAD", "RED");
    const ncsc = await createAlert(prisma, orgId, { source: "ncsc", tlp: "GREEN" });
    await createAlert(prisma, orgId, { source: "ncsc", tlp: "AMBER" });
    await createAlert(prisma, orgId, { source: "manual", tlp: "AMBER" });
    const secret = await createAlert(prisma, orgId, { source: "liaison-red", tlp: "RED" });
    await createAlert(prisma, otherOrgId, { source: "their-feed", tlp: "CLEAR" });

    const apt31 = await createEntity(prisma, orgId, { name: "APT31" });
    const hidden = await createEntity(prisma, orgId, { name: "Covert contact", kind: "PERSON" });
    await createEntity(prisma, orgId, { name: "Unlinked actor" });
    await linkEntity(prisma, ncsc.id, apt31.id);
    await linkEntity(prisma, secret.id, hidden.id);

    expect(await listAlertSources(analyst)).toEqual(["manual", "ncsc"]);
    expect(await listAlertSources(lead)).toEqual(["liaison-red", "manual", "ncsc"]);
    expect((await listAlertEntities(analyst)).map((e) => e.name)).toEqual(["APT31"]);
    expect(await listAlertEntities(lead)).toEqual([
      { id: apt31.id, name: "APT31", kind: "THREAT_ACTOR" },
      { id: hidden.id, name: "Covert contact", kind: "PERSON" },
    ]);
  });
});
