import { beforeAll, describe, expect, it } from "vitest";
import { getCase, listOpenCasesForPromotion } from "@/lib/cases/data/detail";
import { promoteAlertsToCase } from "@/lib/cases/data/promote";
import { promoteAlertsSchema } from "@/lib/cases/schema";
import { ForbiddenError, type UserViewer } from "@/lib/auth/permissions";
import { InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { createAlert, createCase, createEntity, createOrg, createViewer, linkEntity } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

const db = useTestDb();

let partyId: string, otherOrgId: string, taskforceId: string;
let analyst: UserViewer, lead: UserViewer, vetting: UserViewer, reviewer: UserViewer, outsider: UserViewer;
let tfReviewer: UserViewer, tfMember: UserViewer;

beforeAll(async () => {
  const { prisma } = db();
  partyId = (await createOrg(prisma, "Party")).id;
  otherOrgId = (await createOrg(prisma, "Other party")).id;
  taskforceId = (await createOrg(prisma, "Task force")).id;
  analyst = await createViewer(prisma, partyId, "ANALYST", "AMBER_STRICT");
  lead = await createViewer(prisma, partyId, "LEAD", "RED");
  vetting = await createViewer(prisma, partyId, "VETTING", "AMBER_STRICT");
  reviewer = await createViewer(prisma, partyId, "REVIEWER", "AMBER");
  outsider = await createViewer(prisma, otherOrgId, "ADMIN", "RED");
  tfReviewer = await createViewer(prisma, taskforceId, "REVIEWER", "AMBER");
  tfMember = await createViewer(prisma, taskforceId, "REVIEWER", "RED");
});

const newCase = (title = "Tracking pixels", extra: { severity?: "CRITICAL"; tlp?: "CLEAR" | "RED" | "AMBER_STRICT" } = {}) =>
  ({ kind: "new" as const, title, ...extra });

async function counts() {
  const { prisma } = db();
  const [cases, events, audits] = await Promise.all([prisma.case.count(), prisma.timelineEvent.count(), prisma.auditEvent.count()]);
  return { cases, events, audits };
}

describe("promoteAlertsToCase: new case", () => {
  it("grades the case from its alerts, carries entities, adds a timeline event per alert and escalates them", async () => {
    const { prisma } = db();
    const first = await createAlert(prisma, partyId, { severity: "HIGH", tlp: "GREEN", createdAt: new Date("2026-03-01T09:15:00Z") });
    const second = await createAlert(prisma, partyId, {
      severity: "LOW", tlp: "AMBER_STRICT", assigneeId: lead.userId, createdAt: new Date("2026-02-27T18:40:00Z"),
    });
    const [actor, host] = [await createEntity(prisma, partyId), await createEntity(prisma, partyId, { kind: "INFRASTRUCTURE" })];
    await linkEntity(prisma, first.id, actor.id);
    await linkEntity(prisma, first.id, host.id);
    await linkEntity(prisma, second.id, actor.id);

    const input = promoteAlertsSchema.parse({ alertIds: [first.id, second.id], target: newCase() });
    const { caseId, created } = await promoteAlertsToCase(analyst, input);
    expect(created).toBe(true);

    const row = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { members: true, entities: true } });
    expect(row).toMatchObject({ organisationId: partyId, title: "Tracking pixels", severity: "HIGH", tlp: "AMBER_STRICT", ownerId: analyst.userId, status: "OPEN" });
    expect(row.members.map((m) => m.userId).sort()).toEqual([analyst.userId, lead.userId].sort());
    expect(row.entities.map((e) => e.entityId).sort()).toEqual([actor.id, host.id].sort());

    const events = await prisma.timelineEvent.findMany({ where: { caseId }, orderBy: { occurredAt: "asc" }, include: { entities: true } });
    expect(events.map((e) => [e.alertId, e.occurredAt.toISOString(), e.precision, e.tlp, e.tags, e.source])).toEqual([
      [second.id, "2026-02-27T18:40:00.000Z", "MINUTE", "AMBER_STRICT", ["alert"], "test"],
      [first.id, "2026-03-01T09:15:00.000Z", "MINUTE", "GREEN", ["alert"], "test"],
    ]);
    expect(events[1]!.title).toBe(first.title);
    expect(events[1]!.entities.map((e) => e.entityId).sort()).toEqual([actor.id, host.id].sort());

    for (const a of await prisma.alert.findMany({ where: { id: { in: [first.id, second.id] } } })) {
      expect(a).toMatchObject({ status: "ESCALATED", caseId, version: 2 });
      expect(a.acknowledgedAt).not.toBeNull();
      expect(a.triagedAt).not.toBeNull();
    }
    const audits = await prisma.auditEvent.findMany({ where: { OR: [{ targetId: caseId }, { targetId: { in: [first.id, second.id] } }] } });
    expect(audits.map((a) => a.action).sort()).toEqual(["alert.escalate", "alert.escalate", "case.create"]);

    const detail = await getCase(analyst, caseId);
    expect(detail.alerts.map((a) => a.id)).toEqual([second.id, first.id]);
    expect(detail.timeline.map((e) => e.alertId)).toEqual([second.id, first.id]);
    expect(detail.owner).toEqual({ id: analyst.userId, name: analyst.name });
    expect(detail.sharedBy).toBeNull();
  });

  it("treats a chosen severity and TLP as floors, never below the alerts'", async () => {
    const { prisma } = db();
    const a = await createAlert(prisma, partyId, { severity: "LOW", tlp: "AMBER" });
    const { caseId } = await promoteAlertsToCase(analyst, { alertIds: [a.id], target: newCase("Floors", { severity: "CRITICAL", tlp: "CLEAR" }) });
    expect(await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ severity: "CRITICAL", tlp: "AMBER" });
  });

  it("refuses a TLP the viewer could not read, and read-only or non-case roles", async () => {
    const { prisma } = db();
    const amberAnalyst = await createViewer(prisma, partyId, "ANALYST", "AMBER");
    const a = await createAlert(prisma, partyId, { tlp: "GREEN" });
    const before = await counts();
    await expect(promoteAlertsToCase(amberAnalyst, { alertIds: [a.id], target: newCase("Too high", { tlp: "AMBER_STRICT" }) }))
      .rejects.toBeInstanceOf(InvalidStateError);
    await expect(promoteAlertsToCase(vetting, { alertIds: [a.id], target: newCase() })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(promoteAlertsToCase(reviewer, { alertIds: [a.id], target: newCase() })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("NEW");
  });

  it("writes nothing when one alert belongs to another organisation or is already escalated", async () => {
    const { prisma } = db();
    const mine = await createAlert(prisma, partyId, { tlp: "GREEN" });
    const theirs = await createAlert(prisma, otherOrgId, { tlp: "GREEN" });
    const before = await counts();
    await expect(promoteAlertsToCase(lead, { alertIds: [mine.id, theirs.id], target: newCase() })).rejects.toBeInstanceOf(NotFoundError);
    await expect(promoteAlertsToCase(outsider, { alertIds: [mine.id], target: newCase() })).rejects.toBeInstanceOf(NotFoundError);
    const escalated = await createAlert(prisma, partyId, { status: "ESCALATED" });
    await expect(promoteAlertsToCase(lead, { alertIds: [mine.id, escalated.id], target: newCase() })).rejects.toBeInstanceOf(InvalidStateError);
    expect(await counts()).toEqual(before);
    const rows = await prisma.alert.findMany({ where: { id: { in: [mine.id, theirs.id] } } });
    expect(rows.every((r) => r.status === "NEW" && r.caseId === null && r.version === 1)).toBe(true);
  });

  it("validates the input strictly", () => {
    const id = "0197a000-0000-7000-8000-000000000000";
    expect(promoteAlertsSchema.safeParse({ alertIds: [id], target: { kind: "new", title: "" } }).success).toBe(false);
    expect(promoteAlertsSchema.safeParse({ alertIds: [id], target: { kind: "new", title: "x".repeat(301) } }).success).toBe(false);
    expect(promoteAlertsSchema.safeParse({ alertIds: [id], target: { kind: "existing", caseId: "nope" } }).success).toBe(false);
    expect(promoteAlertsSchema.safeParse({ alertIds: [id], target: { kind: "existing", caseId: id, title: "x" } }).success).toBe(false);
    expect(promoteAlertsSchema.safeParse({ alertIds: [], target: { kind: "new", title: "Fine" } }).success).toBe(false);
  });
});

describe("promoteAlertsToCase: existing case", () => {
  it("adds alerts, entities and timeline events to an open case the viewer can see", async () => {
    const { prisma } = db();
    const target = await createCase(prisma, partyId, { tlp: "GREEN", status: "INVESTIGATING" });
    const a = await createAlert(prisma, partyId, { tlp: "AMBER" });
    const actor = await createEntity(prisma, partyId);
    await linkEntity(prisma, a.id, actor.id);
    const result = await promoteAlertsToCase(analyst, { alertIds: [a.id], target: { kind: "existing", caseId: target.id } });
    expect(result).toEqual({ caseId: target.id, created: false });
    // The case keeps its TLP; the event carries the alert's, so sharing filters it.
    expect(await prisma.case.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ tlp: "GREEN", status: "INVESTIGATING" });
    expect(await prisma.caseEntity.findMany({ where: { caseId: target.id } })).toEqual([{ caseId: target.id, entityId: actor.id }]);
    expect((await prisma.timelineEvent.findMany({ where: { caseId: target.id } })).map((e) => [e.alertId, e.tlp])).toEqual([[a.id, "AMBER"]]);
    expect(await prisma.alert.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: "ESCALATED", caseId: target.id });
    expect(await prisma.auditEvent.count({ where: { targetId: target.id, action: "case.add-alerts" } })).toBe(1);
  });

  it("refuses a closed case, and answers not found for another organisation's or an invisible case", async () => {
    const { prisma } = db();
    const a = await createAlert(prisma, partyId, { tlp: "GREEN" });
    const closed = await createCase(prisma, partyId, { status: "CLOSED", tlp: "GREEN" });
    const theirs = await createCase(prisma, otherOrgId, { tlp: "CLEAR" });
    const redNotMine = await createCase(prisma, partyId, { tlp: "RED", memberIds: [lead.userId] });
    const before = await counts();
    await expect(promoteAlertsToCase(analyst, { alertIds: [a.id], target: { kind: "existing", caseId: closed.id } })).rejects.toBeInstanceOf(InvalidStateError);
    await expect(promoteAlertsToCase(analyst, { alertIds: [a.id], target: { kind: "existing", caseId: theirs.id } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(promoteAlertsToCase(analyst, { alertIds: [a.id], target: { kind: "existing", caseId: redNotMine.id } })).rejects.toBeInstanceOf(NotFoundError);
    expect(await counts()).toEqual(before);
    expect(await prisma.alert.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: "NEW", caseId: null, version: 1 });
    // The member may add to it.
    await promoteAlertsToCase(lead, { alertIds: [a.id], target: { kind: "existing", caseId: redNotMine.id } });
  });

  it("does not let a shared organisation add alerts to a case shared with it", async () => {
    const { prisma } = db();
    const shared = await createCase(prisma, partyId, { tlp: "GREEN", sharedWith: [taskforceId] });
    const tfLead = await createViewer(prisma, taskforceId, "LEAD", "RED");
    const theirAlert = await createAlert(prisma, taskforceId, { tlp: "GREEN" });
    await expect(promoteAlertsToCase(tfLead, { alertIds: [theirAlert.id], target: { kind: "existing", caseId: shared.id } }))
      .rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("case visibility", () => {
  it("shows a RED case only to its named members", async () => {
    const { prisma } = db();
    const red = await createCase(prisma, partyId, { tlp: "RED", memberIds: [analyst.userId] });
    await expect(getCase(analyst, red.id)).resolves.toMatchObject({ id: red.id, tlp: "RED" });
    await expect(getCase(lead, red.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCase(outsider, red.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listOpenCasesForPromotion(analyst)).map((c) => c.id)).toContain(red.id);
    expect((await listOpenCasesForPromotion(lead)).map((c) => c.id)).not.toContain(red.id);
  });

  it("limits own-organisation non-members to their clearance", async () => {
    const { prisma } = db();
    const strict = await createCase(prisma, partyId, { tlp: "AMBER_STRICT" });
    const greenViewer = await createViewer(prisma, partyId, "VIEWER", "GREEN");
    await expect(getCase(analyst, strict.id)).resolves.toMatchObject({ id: strict.id });
    await expect(getCase(greenViewer, strict.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets a shared organisation see CLEAR/GREEN, AMBER only as members, and never AMBER+STRICT or RED", async () => {
    const { prisma } = db();
    const share = { sharedWith: [taskforceId], memberIds: [tfMember.userId] };
    const green = await createCase(prisma, partyId, { tlp: "GREEN", ...share });
    const amber = await createCase(prisma, partyId, { tlp: "AMBER", ...share });
    const strict = await createCase(prisma, partyId, { tlp: "AMBER_STRICT", ...share });
    const red = await createCase(prisma, partyId, { tlp: "RED", ...share });
    const unshared = await createCase(prisma, partyId, { tlp: "CLEAR" });

    await expect(getCase(tfReviewer, green.id)).resolves.toMatchObject({ id: green.id, sharedBy: "Party" });
    await expect(getCase(tfReviewer, amber.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCase(tfMember, amber.id)).resolves.toMatchObject({ id: amber.id });
    for (const id of [strict.id, red.id, unshared.id]) {
      await expect(getCase(tfMember, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    // Shared cases are not targets for the task force's own promotions.
    const tfLead = await createViewer(prisma, taskforceId, "LEAD", "RED");
    expect((await listOpenCasesForPromotion(tfLead)).map((c) => c.id)).not.toContain(green.id);
  });

  it("filters timeline events by their own TLP and hides alerts the viewer may not open", async () => {
    const { prisma } = db();
    const target = await createCase(prisma, partyId, { tlp: "GREEN", sharedWith: [taskforceId], memberIds: [lead.userId] });
    const alerts = {
      green: await createAlert(prisma, partyId, { tlp: "GREEN" }),
      amber: await createAlert(prisma, partyId, { tlp: "AMBER" }),
      red: await createAlert(prisma, partyId, { tlp: "RED", assigneeId: lead.userId }),
    };
    await promoteAlertsToCase(lead, { alertIds: [alerts.green.id, alerts.amber.id, alerts.red.id], target: { kind: "existing", caseId: target.id } });

    const forLead = await getCase(lead, target.id);
    expect(forLead.timeline.map((e) => e.tlp).sort()).toEqual(["AMBER", "GREEN", "RED"]);
    expect(forLead.alerts).toHaveLength(3);

    const forAnalyst = await getCase(analyst, target.id);
    expect(forAnalyst.timeline.map((e) => e.tlp).sort()).toEqual(["AMBER", "GREEN"]);
    expect(forAnalyst.alerts.map((a) => a.id).sort()).toEqual([alerts.green.id, alerts.amber.id].sort());

    const forTaskforce = await getCase(tfReviewer, target.id);
    expect(forTaskforce.timeline.map((e) => e.tlp)).toEqual(["GREEN"]);
    // Alerts stay in the owning organisation: a shared reader sees the event, not a link to it.
    expect(forTaskforce.alerts).toEqual([]);
    expect(forTaskforce.timeline[0]!.alertId).toBeNull();
  });
});
