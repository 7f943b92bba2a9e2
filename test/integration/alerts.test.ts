import { beforeAll, describe, expect, it } from "vitest";
import { getAlert } from "@/lib/alerts/data/detail";
import { countAlerts, listAlerts, listAssignableUsers } from "@/lib/alerts/data/list";
import { countOpenAlerts } from "@/lib/alerts/data/metrics";
import { acknowledgeAlert, assignAlert, changeAlertStatus } from "@/lib/alerts/data/triage";
import { alertListQuerySchema } from "@/lib/alerts/schema";
import { ForbiddenError, type UserViewer } from "@/lib/auth/permissions";
import { ConflictError, InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { createAlert, createCase, createOrg, createViewer } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

const db = useTestDb();
const query = (raw: Record<string, unknown> = {}) => alertListQuerySchema.parse(raw);

let analyst: UserViewer, lead: UserViewer, reviewer: UserViewer, viewerRole: UserViewer, outsider: UserViewer;
let partyId: string, otherOrgId: string;

beforeAll(async () => {
  const { prisma } = db();
  partyId = (await createOrg(prisma, "Party")).id;
  otherOrgId = (await createOrg(prisma, "Other party")).id;
  analyst = await createViewer(prisma, partyId, "ANALYST", "AMBER_STRICT");
  lead = await createViewer(prisma, partyId, "LEAD", "RED");
  reviewer = await createViewer(prisma, partyId, "REVIEWER", "AMBER");
  viewerRole = await createViewer(prisma, partyId, "VIEWER", "GREEN");
  outsider = await createViewer(prisma, otherOrgId, "ADMIN", "RED");
});

describe("listAlerts", () => {
  it("returns every matching alert exactly once across keyset pages, newest first", async () => {
    const { prisma } = db();
    const org = (await createOrg(prisma)).id;
    const v = await createViewer(prisma, org, "ANALYST");
    const base = Date.UTC(2026, 0, 1);
    // Two alerts share a timestamp so the id tiebreak is exercised.
    const created = [];
    for (let i = 0; i < 7; i++) created.push(await createAlert(prisma, org, { createdAt: new Date(base + Math.min(i, 5) * 60_000) }));

    const seen: string[] = [];
    let page = await listAlerts(v, query({ limit: 3 }));
    expect(page.prevCursor).toBeNull();
    seen.push(...page.rows.map((r) => r.id));
    while (page.nextCursor) {
      page = await listAlerts(v, query({ limit: 3, after: page.nextCursor }));
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(new Set(seen).size).toBe(7);
    expect(seen.sort()).toEqual(created.map((a) => a.id).sort());
    expect((await countAlerts(v, query({ limit: 3 }))).total).toBe(7);

    // Walking back from the last page returns the middle page again.
    const first = await listAlerts(v, query({ limit: 3 }));
    const second = await listAlerts(v, query({ limit: 3, after: first.nextCursor! }));
    const back = await listAlerts(v, query({ limit: 3, before: second.prevCursor! }));
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(back.prevCursor).toBeNull();
  });

  it("filters by kind, severity, status and TLP", async () => {
    const { prisma } = db();
    const org = (await createOrg(prisma)).id;
    const v = await createViewer(prisma, org, "LEAD", "RED");
    const hit = await createAlert(prisma, org, { kind: "BALLOT", severity: "HIGH", status: "NEW", tlp: "GREEN" });
    await createAlert(prisma, org, { kind: "BALLOT", severity: "LOW", status: "NEW", tlp: "GREEN" });
    await createAlert(prisma, org, { kind: "INCIDENT", severity: "HIGH", status: "NEW", tlp: "GREEN" });
    await createAlert(prisma, org, { kind: "BALLOT", severity: "HIGH", status: "DISMISSED", tlp: "GREEN" });
    const filters = query({ kind: "BALLOT", severity: "HIGH", status: "NEW", tlp: "GREEN" });
    const page = await listAlerts(v, filters);
    expect(page.rows.map((r) => r.id)).toEqual([hit.id]);
    expect(await countAlerts(v, filters)).toEqual({ total: 1, capped: false });
  });

  it("never returns another organisation's alerts", async () => {
    const { prisma } = db();
    const theirs = await createAlert(prisma, otherOrgId, { tlp: "CLEAR" });
    const page = await listAlerts(analyst, query({ limit: 200 }));
    expect(page.rows.map((r) => r.id)).not.toContain(theirs.id);
    await expect(getAlert(analyst, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("hides TLP:RED above clearance unless the viewer is the assignee, and vetting alerts from roles without vetting access", async () => {
    const { prisma } = db();
    const red = await createAlert(prisma, partyId, { tlp: "RED" });
    const redMine = await createAlert(prisma, partyId, { tlp: "RED", assigneeId: analyst.userId });
    const vetting = await createAlert(prisma, partyId, { kind: "VETTING", tlp: "GREEN" });
    const ids = (await listAlerts(analyst, query({ limit: 200 }))).rows.map((r) => r.id);
    expect(ids).not.toContain(red.id);
    expect(ids).toContain(redMine.id);
    expect(ids).not.toContain(vetting.id); // ANALYST has no vetting:read
    await expect(getAlert(analyst, red.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getAlert(lead, red.id)).id).toBe(red.id);
    expect((await getAlert(lead, vetting.id)).id).toBe(vetting.id);
    const amber = await createAlert(prisma, partyId, { tlp: "AMBER" });
    await expect(getAlert(viewerRole, amber.id)).rejects.toBeInstanceOf(NotFoundError); // GREEN clearance
  });

  it("does not name a linked case the viewer may not open", async () => {
    const { prisma } = db();
    const redCase = await createCase(prisma, partyId, { tlp: "RED", memberIds: [lead.userId], title: "Secret source handling" });
    const alert = await createAlert(prisma, partyId, { tlp: "AMBER" });
    await prisma.alert.update({ where: { id: alert.id }, data: { caseId: redCase.id, status: "ESCALATED" } });
    expect((await getAlert(analyst, alert.id)).case).toBeNull();
    expect((await getAlert(lead, alert.id)).case).toEqual({ id: redCase.id, title: "Secret source handling" });
  });

  it("counts open alerts by severity within the viewer's visibility", async () => {
    const { prisma } = db();
    const org = (await createOrg(prisma)).id;
    const v = await createViewer(prisma, org, "ANALYST", "AMBER");
    await createAlert(prisma, org, { severity: "CRITICAL", tlp: "AMBER" });
    await createAlert(prisma, org, { severity: "CRITICAL", tlp: "RED" });
    await createAlert(prisma, org, { severity: "LOW", status: "DISMISSED" });
    await createAlert(prisma, otherOrgId, { severity: "CRITICAL" });
    const counts = await countOpenAlerts(v);
    expect(counts.bySeverity.CRITICAL).toBe(1);
    expect(counts.open).toBe(1);
  });

  it("lists assignable users of the viewer's organisation only", async () => {
    const users = await listAssignableUsers(analyst);
    const ids = users.map((u) => u.id);
    expect(ids).toContain(analyst.userId);
    expect(ids).not.toContain(outsider.userId);
    expect(ids).not.toContain(reviewer.userId);
  });
});

describe("triage mutations", () => {
  it("acknowledges a new alert, records the time and writes an audit event", async () => {
    const { prisma } = db();
    const alert = await createAlert(prisma, partyId);
    await acknowledgeAlert(analyst, { alertId: alert.id, version: 1 });
    const row = await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(row.status).toBe("ACKNOWLEDGED");
    expect(row.acknowledgedAt).toBeInstanceOf(Date);
    expect(row.version).toBe(2);
    const audit = await prisma.auditEvent.findMany({ where: { targetId: alert.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "alert.acknowledge", actorUserId: analyst.userId, organisationId: partyId });
    const detail = await getAlert(analyst, alert.id);
    expect(detail.history.map((h) => h.action)).toEqual(["alert.acknowledge"]);
  });

  it("refuses a stale version instead of overwriting", async () => {
    const { prisma } = db();
    const alert = await createAlert(prisma, partyId);
    await acknowledgeAlert(analyst, { alertId: alert.id, version: 1 });
    await expect(
      changeAlertStatus(lead, { alertId: alert.id, version: 1, status: "DISMISSED", reason: "Stale view" }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } })).status).toBe("ACKNOWLEDGED");
  });

  it("changes status with a reason, setting triage and close times", async () => {
    const { prisma } = db();
    const alert = await createAlert(prisma, partyId);
    await changeAlertStatus(analyst, { alertId: alert.id, version: 1, status: "DISMISSED", reason: "Known newsletter pixel" });
    const row = await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(row).toMatchObject({ status: "DISMISSED", statusReason: "Known newsletter pixel" });
    expect(row.acknowledgedAt).not.toBeNull();
    expect(row.triagedAt).not.toBeNull();
    expect(row.closedAt).not.toBeNull();
    await changeAlertStatus(analyst, { alertId: alert.id, version: 2, status: "NEW", reason: "Reopened: new evidence" });
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } })).closedAt).toBeNull();
    await expect(acknowledgeAlert(analyst, { alertId: alert.id, version: 3 })).resolves.toBeUndefined();
    await expect(acknowledgeAlert(analyst, { alertId: alert.id, version: 4 })).rejects.toBeInstanceOf(InvalidStateError);
  });

  it("lets an analyst take an alert but not assign it to someone else", async () => {
    const { prisma } = db();
    const alert = await createAlert(prisma, partyId);
    await expect(assignAlert(analyst, { alertId: alert.id, version: 1, assigneeId: lead.userId })).rejects.toBeInstanceOf(ForbiddenError);
    await assignAlert(analyst, { alertId: alert.id, version: 1, assigneeId: analyst.userId });
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } })).assigneeId).toBe(analyst.userId);
    await assignAlert(lead, { alertId: alert.id, version: 2, assigneeId: lead.userId });
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } })).assigneeId).toBe(lead.userId);
  });

  it("lets an analyst release an alert they hold, but not one someone else holds", async () => {
    const { prisma } = db();
    const mine = await createAlert(prisma, partyId, { assigneeId: analyst.userId });
    await assignAlert(analyst, { alertId: mine.id, version: 1, assigneeId: null });
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: mine.id } })).assigneeId).toBeNull();
    const theirs = await createAlert(prisma, partyId, { assigneeId: lead.userId });
    await expect(assignAlert(analyst, { alertId: theirs.id, version: 1, assigneeId: null })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: theirs.id } })).assigneeId).toBe(lead.userId);
  });

  it("refuses every change from REVIEWER and VIEWER roles and leaves the row untouched", async () => {
    const { prisma } = db();
    const alert = await createAlert(prisma, partyId, { tlp: "GREEN" });
    for (const v of [reviewer, viewerRole]) {
      await expect(acknowledgeAlert(v, { alertId: alert.id, version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(assignAlert(v, { alertId: alert.id, version: 1, assigneeId: v.userId })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(changeAlertStatus(v, { alertId: alert.id, version: 1, status: "DISMISSED", reason: "nope" })).rejects.toBeInstanceOf(ForbiddenError);
    }
    const row = await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(row).toMatchObject({ status: "NEW", version: 1, assigneeId: null });
    expect(await prisma.auditEvent.count({ where: { targetId: alert.id } })).toBe(0);
  });

  it("answers not-found for another organisation's alert on every mutation, changing nothing", async () => {
    const { prisma } = db();
    const theirs = await createAlert(prisma, otherOrgId);
    await expect(acknowledgeAlert(lead, { alertId: theirs.id, version: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignAlert(lead, { alertId: theirs.id, version: 1, assigneeId: lead.userId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeAlertStatus(lead, { alertId: theirs.id, version: 1, status: "TRIAGED", reason: "cross-org" })).rejects.toBeInstanceOf(NotFoundError);
    const row = await prisma.alert.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(row).toMatchObject({ status: "NEW", version: 1, assigneeId: null });
  });

  it("will not assign an alert to a user of another organisation", async () => {
    const { prisma } = db();
    const alert = await createAlert(prisma, partyId);
    await expect(assignAlert(lead, { alertId: alert.id, version: 1, assigneeId: outsider.userId })).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } })).assigneeId).toBeNull();
  });
});
