import { beforeAll, describe, expect, it } from "vitest";
import { bulkAssignAlerts, bulkChangeAlertStatus, mergeAlerts } from "@/lib/alerts/data/bulk";
import { bulkAssignAlertsSchema, bulkChangeAlertStatusSchema, mergeAlertsSchema } from "@/lib/alerts/schema";
import { ForbiddenError, type UserViewer } from "@/lib/auth/permissions";
import { InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { createAlert, createEntity, createOrg, createViewer, linkEntity } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

const db = useTestDb();

let partyId: string, otherOrgId: string;
let analyst: UserViewer, lead: UserViewer, reviewer: UserViewer, viewerRole: UserViewer, vetting: UserViewer, outsider: UserViewer;

beforeAll(async () => {
  const { prisma } = db();
  partyId = (await createOrg(prisma, "Party")).id;
  otherOrgId = (await createOrg(prisma, "Other party")).id;
  analyst = await createViewer(prisma, partyId, "ANALYST", "AMBER_STRICT");
  lead = await createViewer(prisma, partyId, "LEAD", "RED");
  reviewer = await createViewer(prisma, partyId, "REVIEWER", "AMBER");
  viewerRole = await createViewer(prisma, partyId, "VIEWER", "GREEN");
  vetting = await createViewer(prisma, partyId, "VETTING", "AMBER_STRICT");
  outsider = await createViewer(prisma, otherOrgId, "ADMIN", "RED");
});

async function threeAlerts(o: Parameters<typeof createAlert>[2] = {}) {
  const { prisma } = db();
  return Promise.all([createAlert(prisma, partyId, o), createAlert(prisma, partyId, o), createAlert(prisma, partyId, o)]);
}

async function read(ids: string[]) {
  return db().prisma.alert.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
}

async function auditRows(ids: string[], action: string) {
  return db().prisma.auditEvent.findMany({ where: { targetType: "Alert", targetId: { in: ids }, action } });
}

describe("bulkAssignAlerts", () => {
  it("assigns every selected alert to me, bumps versions and writes one audit event per alert", async () => {
    const alerts = await threeAlerts();
    const ids = alerts.map((a) => a.id);
    await bulkAssignAlerts(analyst, bulkAssignAlertsSchema.parse({ alertIds: ids.join(","), assigneeId: analyst.userId }));
    const after = await read(ids);
    expect(after.every((a) => a.assigneeId === analyst.userId && a.version === 2)).toBe(true);
    const audits = await auditRows(ids, "alert.assign");
    expect(audits.map((e) => e.targetId).sort()).toEqual([...ids].sort());
    expect(audits.every((e) => e.actorUserId === analyst.userId && e.organisationId === partyId)).toBe(true);
  });

  it("lets only roles with alert:assign-others assign someone else or unassign", async () => {
    const ids = (await threeAlerts()).map((a) => a.id);
    await expect(bulkAssignAlerts(analyst, { alertIds: ids, assigneeId: lead.userId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(bulkAssignAlerts(analyst, { alertIds: ids, assigneeId: null })).rejects.toBeInstanceOf(ForbiddenError);
    await bulkAssignAlerts(lead, { alertIds: ids, assigneeId: analyst.userId });
    expect((await read(ids)).every((a) => a.assigneeId === analyst.userId)).toBe(true);
    await bulkAssignAlerts(lead, { alertIds: ids, assigneeId: null });
    expect((await read(ids)).every((a) => a.assigneeId === null)).toBe(true);
  });

  it("refuses REVIEWER and VIEWER roles", async () => {
    const ids = (await threeAlerts({ tlp: "GREEN" })).map((a) => a.id);
    await expect(bulkAssignAlerts(reviewer, { alertIds: ids, assigneeId: reviewer.userId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(bulkAssignAlerts(viewerRole, { alertIds: ids, assigneeId: viewerRole.userId })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await read(ids)).every((a) => a.assigneeId === null && a.version === 1)).toBe(true);
  });

  it("changes nothing when one id is another organisation's", async () => {
    const ids = (await threeAlerts()).map((a) => a.id);
    const theirs = await createAlert(db().prisma, otherOrgId);
    await expect(bulkAssignAlerts(analyst, { alertIds: [...ids, theirs.id], assigneeId: analyst.userId })).rejects.toBeInstanceOf(NotFoundError);
    expect((await read(ids)).every((a) => a.assigneeId === null && a.version === 1)).toBe(true);
    expect((await read([theirs.id]))[0]!.assigneeId).toBeNull();
    expect(await auditRows([...ids, theirs.id], "alert.assign")).toHaveLength(0);
    // And the other organisation's admin cannot reach ours either.
    await expect(bulkAssignAlerts(outsider, { alertIds: ids, assigneeId: outsider.userId })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("changes nothing when one alert is above the viewer's clearance, or a vetting alert for a role without vetting access", async () => {
    const ids = (await threeAlerts()).map((a) => a.id);
    const red = await createAlert(db().prisma, partyId, { tlp: "RED" });
    await expect(bulkAssignAlerts(analyst, { alertIds: [...ids, red.id], assigneeId: analyst.userId })).rejects.toBeInstanceOf(NotFoundError);
    const vettingAlert = await createAlert(db().prisma, partyId, { kind: "VETTING" });
    await expect(bulkAssignAlerts(analyst, { alertIds: [...ids, vettingAlert.id], assigneeId: analyst.userId })).rejects.toBeInstanceOf(NotFoundError);
    expect((await read(ids)).every((a) => a.assigneeId === null && a.version === 1)).toBe(true);
    // The vetting officer may see it.
    await bulkAssignAlerts(vetting, { alertIds: [vettingAlert.id], assigneeId: vetting.userId });
  });

  it("serialises concurrent bulk changes over overlapping selections without deadlock or lost updates", async () => {
    const ids = [...(await threeAlerts()), ...(await threeAlerts())].map((a) => a.id);
    const forward = ids.slice(0, 4);
    const backward = ids.slice(2).reverse();
    await Promise.all([
      bulkAssignAlerts(lead, { alertIds: forward, assigneeId: analyst.userId }),
      bulkAssignAlerts(lead, { alertIds: backward, assigneeId: lead.userId }),
      bulkChangeAlertStatus(lead, { alertIds: ids, status: "ACKNOWLEDGED", reason: "Seen in the morning sweep" }),
    ]);
    const after = new Map((await read(ids)).map((a) => [a.id, a]));
    // Every alert was changed by each action that selected it: no version step was lost.
    for (const id of ids) {
      const touches = 1 + (forward.includes(id) ? 1 : 0) + (backward.includes(id) ? 1 : 0);
      expect(after.get(id)!.version).toBe(1 + touches);
      expect(after.get(id)!.status).toBe("ACKNOWLEDGED");
    }
  });

  it("refuses an assignee from another organisation", async () => {
    const ids = (await threeAlerts()).map((a) => a.id);
    await expect(bulkAssignAlerts(lead, { alertIds: ids, assigneeId: outsider.userId })).rejects.toThrow(/Assignee not found/);
    expect((await read(ids)).every((a) => a.assigneeId === null)).toBe(true);
  });
});

describe("bulkChangeAlertStatus", () => {
  it("sets status, reason and triage timestamps like the single-alert action", async () => {
    const [fresh, acked] = [await createAlert(db().prisma, partyId), await createAlert(db().prisma, partyId, { status: "ACKNOWLEDGED" })];
    const ackAt = new Date("2026-01-01T10:00:00Z");
    await db().prisma.alert.update({ where: { id: acked.id }, data: { acknowledgedAt: ackAt } });
    const ids = [fresh.id, acked.id];
    await bulkChangeAlertStatus(analyst, bulkChangeAlertStatusSchema.parse({ alertIds: ids.join(","), status: "DISMISSED", reason: "Known benign scanner" }));
    const after = new Map((await read(ids)).map((a) => [a.id, a]));
    for (const a of after.values()) {
      expect(a.status).toBe("DISMISSED");
      expect(a.statusReason).toBe("Known benign scanner");
      expect(a.triagedAt).not.toBeNull();
      expect(a.closedAt).not.toBeNull();
      expect(a.acknowledgedAt).not.toBeNull();
    }
    // An existing acknowledgement time is kept.
    expect(after.get(acked.id)!.acknowledgedAt!.toISOString()).toBe(ackAt.toISOString());
    expect(after.get(fresh.id)!.version).toBe(2);
    const audits = await auditRows(ids, "alert.status");
    expect(audits).toHaveLength(2);
    expect(audits[0]!.summary).toMatchObject({ after: { status: "DISMISSED" }, reason: "Known benign scanner" });

    // Reopening clears closedAt.
    await bulkChangeAlertStatus(analyst, { alertIds: ids, status: "NEW", reason: "Reopened for review" });
    expect((await read(ids)).every((a) => a.status === "NEW" && a.closedAt === null)).toBe(true);
  });

  it("requires a reason and a settable status", () => {
    const id = "0197a000-0000-7000-8000-000000000000";
    expect(bulkChangeAlertStatusSchema.safeParse({ alertIds: id, status: "TRIAGED", reason: "" }).success).toBe(false);
    expect(bulkChangeAlertStatusSchema.safeParse({ alertIds: id, status: "ESCALATED", reason: "Because" }).success).toBe(false);
    expect(bulkChangeAlertStatusSchema.safeParse({ alertIds: id, status: "TRIAGED", reason: "Because", extra: 1 }).success).toBe(false);
    expect(bulkChangeAlertStatusSchema.safeParse({ alertIds: "", status: "TRIAGED", reason: "Because" }).success).toBe(false);
    const tooMany = Array.from({ length: 501 }, (_, i) => `0197a000-0000-7000-8000-${String(i).padStart(12, "0")}`);
    expect(bulkChangeAlertStatusSchema.safeParse({ alertIds: tooMany, status: "TRIAGED", reason: "Because" }).success).toBe(false);
  });

  it("is all or nothing: one escalated alert, or one already in the target status, fails the lot", async () => {
    const ids = (await threeAlerts()).map((a) => a.id);
    const escalated = await createAlert(db().prisma, partyId, { status: "ESCALATED" });
    await expect(bulkChangeAlertStatus(analyst, { alertIds: [...ids, escalated.id], status: "TRIAGED", reason: "Reviewed" }))
      .rejects.toBeInstanceOf(InvalidStateError);
    const triaged = await createAlert(db().prisma, partyId, { status: "TRIAGED" });
    await expect(bulkChangeAlertStatus(analyst, { alertIds: [...ids, triaged.id], status: "TRIAGED", reason: "Reviewed" }))
      .rejects.toThrow(/Already triaged/);
    expect((await read(ids)).every((a) => a.status === "NEW" && a.version === 1)).toBe(true);
    expect(await auditRows(ids, "alert.status")).toHaveLength(0);
  });

  it("changes nothing when one id is invisible, and refuses read-only roles", async () => {
    const ids = (await threeAlerts({ tlp: "GREEN" })).map((a) => a.id);
    const theirs = await createAlert(db().prisma, otherOrgId, { tlp: "GREEN" });
    await expect(bulkChangeAlertStatus(lead, { alertIds: [...ids, theirs.id], status: "TRIAGED", reason: "Reviewed" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(bulkChangeAlertStatus(reviewer, { alertIds: ids, status: "TRIAGED", reason: "Reviewed" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(bulkChangeAlertStatus(viewerRole, { alertIds: ids, status: "TRIAGED", reason: "Reviewed" })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await read([...ids, theirs.id])).every((a) => a.status === "NEW" && a.version === 1)).toBe(true);
  });

  it("handles a full selection of 500 alerts in one transaction", async () => {
    const { prisma } = db();
    const org = (await createOrg(prisma)).id;
    const v = await createViewer(prisma, org, "LEAD", "RED");
    const now = Date.now();
    await prisma.alert.createMany({
      data: Array.from({ length: 500 }, (_, i) => ({
        organisationId: org, kind: "INCIDENT" as const, title: `Bulk ${i}`, summary: "", severity: "LOW" as const, tlp: "GREEN" as const,
        source: "test", fingerprint: `bulk-${i}`, firstSeenAt: new Date(now), lastSeenAt: new Date(now),
      })),
    });
    const ids = (await prisma.alert.findMany({ where: { organisationId: org }, select: { id: true } })).map((a) => a.id);
    await bulkChangeAlertStatus(v, { alertIds: ids, status: "TRIAGED", reason: "Mass review" });
    expect(await prisma.alert.count({ where: { organisationId: org, status: "TRIAGED", version: 2 } })).toBe(500);
    expect(await prisma.auditEvent.count({ where: { organisationId: org, action: "alert.status" } })).toBe(500);
  });
});

describe("mergeAlerts", () => {
  it("marks duplicates MERGED into the primary, sums occurrences and carries entities", async () => {
    const { prisma } = db();
    const primary = await createAlert(prisma, partyId, { createdAt: new Date("2026-02-01T12:00:00Z") });
    const dupA = await createAlert(prisma, partyId, { createdAt: new Date("2026-01-30T08:00:00Z") });
    const dupB = await createAlert(prisma, partyId, { createdAt: new Date("2026-02-03T09:00:00Z") });
    await prisma.alert.update({ where: { id: dupA.id }, data: { occurrences: 4 } });
    const host = await createEntity(prisma, partyId, { kind: "INFRASTRUCTURE" });
    await linkEntity(prisma, dupB.id, host.id);

    const input = mergeAlertsSchema.parse({ primaryId: primary.id, duplicateIds: `${dupA.id},${dupB.id}` });
    await mergeAlerts(analyst, input);

    const p = (await read([primary.id]))[0]!;
    expect(p.occurrences).toBe(1 + 4 + 1);
    expect(p.firstSeenAt.toISOString()).toBe("2026-01-30T08:00:00.000Z");
    expect(p.lastSeenAt.toISOString()).toBe("2026-02-03T09:00:00.000Z");
    expect(p.version).toBe(2);
    expect(p.status).toBe("NEW");
    for (const d of await read([dupA.id, dupB.id])) {
      expect(d).toMatchObject({ status: "MERGED", mergedIntoId: primary.id, version: 2 });
      expect(d.closedAt).not.toBeNull();
      expect(d.triagedAt).not.toBeNull();
    }
    expect(await prisma.alertEntity.findMany({ where: { alertId: primary.id } })).toEqual([{ alertId: primary.id, entityId: host.id }]);
    expect(await auditRows([dupA.id, dupB.id], "alert.merge")).toHaveLength(2);
    expect(await auditRows([primary.id], "alert.merge-primary")).toHaveLength(1);
  });

  it("refuses a primary among the duplicates, merged primaries, and escalated duplicates", async () => {
    const { prisma } = db();
    const [a, b] = await threeAlerts();
    expect(mergeAlertsSchema.safeParse({ primaryId: a!.id, duplicateIds: `${a!.id},${b!.id}` }).success).toBe(false);
    const merged = await createAlert(prisma, partyId, { status: "MERGED" });
    await expect(mergeAlerts(analyst, { primaryId: merged.id, duplicateIds: [a!.id] })).rejects.toBeInstanceOf(InvalidStateError);
    const escalated = await createAlert(prisma, partyId, { status: "ESCALATED" });
    await expect(mergeAlerts(analyst, { primaryId: a!.id, duplicateIds: [b!.id, escalated.id] })).rejects.toBeInstanceOf(InvalidStateError);
    expect((await read([a!.id, b!.id])).every((x) => x.status === "NEW" && x.version === 1)).toBe(true);
  });

  it("changes nothing when a duplicate belongs to another organisation, and refuses read-only roles", async () => {
    const { prisma } = db();
    const [a, b] = await threeAlerts({ tlp: "GREEN" });
    const theirs = await createAlert(prisma, otherOrgId, { tlp: "GREEN" });
    await expect(mergeAlerts(lead, { primaryId: a!.id, duplicateIds: [b!.id, theirs.id] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(mergeAlerts(outsider, { primaryId: theirs.id, duplicateIds: [a!.id] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(mergeAlerts(reviewer, { primaryId: a!.id, duplicateIds: [b!.id] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(mergeAlerts(viewerRole, { primaryId: a!.id, duplicateIds: [b!.id] })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await read([a!.id, b!.id, theirs.id])).every((x) => x.status === "NEW" && x.version === 1 && x.occurrences === 1)).toBe(true);
    expect(await auditRows([a!.id, b!.id, theirs.id], "alert.merge")).toHaveLength(0);
  });
});
