import { beforeAll, describe, expect, it } from "vitest";
import type { Tlp } from "@/lib/db/generated/enums";
import type { UserViewer } from "@/lib/auth/permissions";
import { subscribeToChanges } from "@/lib/events/hub";
import type { CaseChange } from "@/lib/events/publish";
import { ConflictError, InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { addEventsFromAlerts, importTimelineCsv } from "@/lib/timeline/data/bulk";
import { exportTimeline } from "@/lib/timeline/data/export";
import { listTimeline, listTimelineAlertChoices } from "@/lib/timeline/data/list";
import { addTimelineEvent, deleteTimelineEvent, updateTimelineEvent } from "@/lib/timeline/data/write";
import { addEventsFromAlertsSchema, addTimelineEventSchema, deleteTimelineEventSchema, updateTimelineEventSchema } from "@/lib/timeline/schema";
import { createAlert, createCase, createEntity, createOrg, createViewer } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

const db = useTestDb();

const TLPS: Tlp[] = ["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"];
let partyId: string, otherId: string, taskforceId: string;
let lead: UserViewer, analyst: UserViewer, nonMember: UserViewer, outsider: UserViewer, tfReviewer: UserViewer, tfMember: UserViewer;
let sharedCaseId: string;

beforeAll(async () => {
  const { prisma } = db();
  partyId = (await createOrg(prisma, "Party")).id;
  otherId = (await createOrg(prisma, "Other party")).id;
  taskforceId = (await createOrg(prisma, "Task force")).id;
  lead = await createViewer(prisma, partyId, "LEAD", "RED");
  analyst = await createViewer(prisma, partyId, "ANALYST", "AMBER_STRICT");
  nonMember = await createViewer(prisma, partyId, "LEAD", "RED");
  outsider = await createViewer(prisma, otherId, "ADMIN", "RED");
  tfReviewer = await createViewer(prisma, taskforceId, "REVIEWER", "RED");
  tfMember = await createViewer(prisma, taskforceId, "REVIEWER", "RED");
  const kase = await createCase(prisma, partyId, {
    tlp: "GREEN", memberIds: [lead.userId, analyst.userId, tfMember.userId], sharedWith: [taskforceId], ownerId: lead.userId,
  });
  sharedCaseId = kase.id;
  for (const tlp of TLPS) {
    await prisma.timelineEvent.create({
      data: { organisationId: partyId, caseId: kase.id, occurredAt: new Date(`2021-0${TLPS.indexOf(tlp) + 1}-01T00:00:00Z`), title: `Event ${tlp}`, tlp, tags: [tlp.toLowerCase()] },
    });
  }
});

const form = (o: Record<string, string>) => ({ occurredAt: "2021-08-24", title: "First access", tlp: "AMBER", tags: "first-access", ...o });

describe("listTimeline: TLP visibility", () => {
  const titles = async (viewer: UserViewer) => (await listTimeline(viewer, sharedCaseId)).events.map((e) => e.tlp);

  it("own organisation: members see up to RED, non-members all but RED, within clearance", async () => {
    expect(await titles(lead)).toEqual(TLPS);
    expect(await titles(nonMember)).toEqual(["CLEAR", "GREEN", "AMBER", "AMBER_STRICT"]);
    expect(await titles(analyst)).toEqual(["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"]);
  });

  it("shared organisation: CLEAR and GREEN, AMBER only as a member, never AMBER+STRICT or RED; views audited", async () => {
    expect(await titles(tfReviewer)).toEqual(["CLEAR", "GREEN"]);
    expect(await titles(tfMember)).toEqual(["CLEAR", "GREEN", "AMBER"]);
    const view = await listTimeline(tfReviewer, sharedCaseId);
    expect(view).toMatchObject({ shared: true, canWrite: false });
    const audits = await db().prisma.auditEvent.findMany({ where: { action: "timeline.view", actorUserId: tfReviewer.userId } });
    expect(audits.length).toBeGreaterThan(0);
    expect(audits[0]!.summary).toMatchObject({ caseId: sharedCaseId, shared: true });
    // Recorded in the owning organisation's trail.
    expect(audits[0]!.organisationId).toBe(partyId);
  });

  it("another organisation: not found, for reads, writes and exports", async () => {
    await expect(listTimeline(outsider, sharedCaseId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportTimeline(outsider, sharedCaseId, "csv")).rejects.toBeInstanceOf(NotFoundError);
    await expect(addTimelineEvent(outsider, addTimelineEventSchema.parse(form({ caseId: sharedCaseId })))).rejects.toBeInstanceOf(NotFoundError);
    await expect(importTimelineCsv(outsider, sharedCaseId, "occurredAt,title,tlp\n2021,x y z,CLEAR")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("filters by entity, source and tag", async () => {
    const { prisma } = db();
    const kase = await createCase(prisma, partyId, { memberIds: [lead.userId] });
    const actor = await createEntity(prisma, partyId, { name: "APT31" });
    await prisma.caseEntity.create({ data: { caseId: kase.id, entityId: actor.id } });
    await addTimelineEvent(lead, addTimelineEventSchema.parse(form({ caseId: kase.id, source: "ICO", entityIds: actor.id })));
    await addTimelineEvent(lead, addTimelineEventSchema.parse(form({ caseId: kase.id, occurredAt: "2022-10", title: "Detected", tags: "detection", source: "NCSC" })));
    const all = await listTimeline(lead, kase.id);
    expect(all.filterOptions).toEqual({ entities: [{ id: actor.id, name: "APT31" }], sources: ["ICO", "NCSC"], tags: ["detection", "first-access"] });
    expect(all.metrics.dwellTime?.label).toBe("about 14 months");
    expect((await listTimeline(lead, kase.id, { entity: actor.id })).events.map((e) => e.title)).toEqual(["First access"]);
    expect((await listTimeline(lead, kase.id, { source: "NCSC" })).events.map((e) => e.title)).toEqual(["Detected"]);
    expect((await listTimeline(lead, kase.id, { tag: "detection" })).events.map((e) => e.title)).toEqual(["Detected"]);
  });
});

describe("writes", () => {
  it("adds, updates (versioned) and deletes, each audited with the case id", async () => {
    const { prisma } = db();
    const kase = await createCase(prisma, partyId, { memberIds: [analyst.userId] });
    const { id } = await addTimelineEvent(analyst, addTimelineEventSchema.parse(form({ caseId: kase.id, confidence: "almost certain", key: "on" })));
    const row = await prisma.timelineEvent.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ organisationId: partyId, caseId: kase.id, precision: "DAY", confidence: "ALMOST_CERTAIN", key: true, tags: ["first-access"], version: 1 });

    const edit = (version: string, title: string) =>
      updateTimelineEvent(analyst, updateTimelineEventSchema.parse(form({ caseId: kase.id, eventId: id, version, title, occurredAt: "2021-08" })));
    await expect(edit("1", "First access (revised)")).resolves.toEqual({ version: 2 });
    const stale = await edit("1", "Lost write").catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError<{ title: string }>).current?.title).toBe("First access (revised)");
    expect(await prisma.timelineEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "First access (revised)", precision: "MONTH", version: 2 });

    await expect(deleteTimelineEvent(analyst, deleteTimelineEventSchema.parse({ caseId: kase.id, eventId: id, version: "1" }))).rejects.toBeInstanceOf(ConflictError);
    await deleteTimelineEvent(analyst, deleteTimelineEventSchema.parse({ caseId: kase.id, eventId: id, version: "2" }));
    expect(await prisma.timelineEvent.count({ where: { id } })).toBe(0);

    const audits = await prisma.auditEvent.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => [a.action, a.targetType, (a.summary as { caseId: string }).caseId])).toEqual([
      ["timeline.add", "TimelineEvent", kase.id], ["timeline.update", "TimelineEvent", kase.id], ["timeline.delete", "TimelineEvent", kase.id],
    ]);
  });

  it("concurrent edits of one version: exactly one wins, the rest conflict", async () => {
    const { prisma } = db();
    const kase = await createCase(prisma, partyId, { memberIds: [analyst.userId] });
    const { id } = await addTimelineEvent(analyst, addTimelineEventSchema.parse(form({ caseId: kase.id })));
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        updateTimelineEvent(analyst, updateTimelineEventSchema.parse(form({ caseId: kase.id, eventId: id, version: "1", title: `Edit ${i}` }))),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof ConflictError)).toBe(true);
    const row = await prisma.timelineEvent.findUniqueOrThrow({ where: { id } });
    expect(row.version).toBe(2);
    expect(await prisma.auditEvent.count({ where: { targetId: id, action: "timeline.update" } })).toBe(1);
  });

  it("refuses a TLP above the writer's clearance or need-to-know, and an event they cannot see is not found", async () => {
    const { prisma } = db();
    const kase = await createCase(prisma, partyId, { memberIds: [lead.userId] });
    await expect(addTimelineEvent(analyst, addTimelineEventSchema.parse(form({ caseId: kase.id, tlp: "RED" })))).rejects.toBeInstanceOf(InvalidStateError);
    const { id } = await addTimelineEvent(lead, addTimelineEventSchema.parse(form({ caseId: kase.id, tlp: "RED" })));
    await expect(
      deleteTimelineEvent(analyst, deleteTimelineEventSchema.parse({ caseId: kase.id, eventId: id, version: "1" })),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("shared organisations cannot write; closed cases refuse writes", async () => {
    const { prisma } = db();
    // A reviewer has no write capability at all; a task-force LEAD who is a case member still may not write.
    await expect(addTimelineEvent(tfMember, addTimelineEventSchema.parse(form({ caseId: sharedCaseId, tlp: "GREEN" })))).rejects.toThrow(/case:write/);
    const tfLead = await createViewer(prisma, taskforceId, "LEAD", "RED");
    await prisma.caseMember.create({ data: { caseId: sharedCaseId, userId: tfLead.userId } });
    await expect(addTimelineEvent(tfLead, addTimelineEventSchema.parse(form({ caseId: sharedCaseId, tlp: "GREEN" })))).rejects.toBeInstanceOf(NotFoundError);
    await expect(importTimelineCsv(tfLead, sharedCaseId, "occurredAt,title,tlp\n2021,Some event,CLEAR")).rejects.toBeInstanceOf(NotFoundError);
    await expect(addEventsFromAlerts(tfLead, addEventsFromAlertsSchema.parse({ caseId: sharedCaseId, alertIds: sharedCaseId }))).rejects.toBeInstanceOf(NotFoundError);
    expect((await listTimeline(tfLead, sharedCaseId)).canWrite).toBe(false);
    const closed = await createCase(prisma, partyId, { status: "CLOSED", memberIds: [lead.userId] });
    await expect(addTimelineEvent(lead, addTimelineEventSchema.parse(form({ caseId: closed.id })))).rejects.toBeInstanceOf(InvalidStateError);
    await expect(importTimelineCsv(lead, closed.id, "occurredAt,title,tlp\n2021,Some event,CLEAR")).rejects.toBeInstanceOf(InvalidStateError);
    expect((await listTimeline(lead, closed.id)).canWrite).toBe(false);
    expect(await prisma.timelineEvent.count({ where: { caseId: { in: [closed.id, sharedCaseId] }, title: "First access" } })).toBe(0);
  });
});

describe("live updates", () => {
  it("a timeline change is announced to the owner and the organisations the case is shared with", async () => {
    const seen: CaseChange[] = [];
    const stop = await subscribeToChanges(taskforceId, { onCase: (change) => seen.push(change) });
    try {
      await addTimelineEvent(lead, addTimelineEventSchema.parse(form({ caseId: sharedCaseId, tlp: "GREEN", title: "Live event" })));
      const deadline = Date.now() + 5_000;
      while (!seen.some((c) => c.caseId === sharedCaseId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(seen.some((c) => c.caseId === sharedCaseId && c.kind === "updated")).toBe(true);
    } finally {
      await stop();
      await db().prisma.timelineEvent.deleteMany({ where: { caseId: sharedCaseId, title: "Live event" } });
    }
  });
});

describe("addEventsFromAlerts", () => {
  it("adds the case's alerts not yet on the timeline, once; other alerts are not found", async () => {
    const { prisma } = db();
    const kase = await createCase(prisma, partyId, { memberIds: [analyst.userId] });
    const a1 = await createAlert(prisma, partyId, { caseId: kase.id, tlp: "GREEN", title: "Tracking pixel", createdAt: new Date("2026-03-01T09:15:00Z") });
    const a2 = await createAlert(prisma, partyId, { caseId: kase.id, tlp: "AMBER" });
    const elsewhere = await createAlert(prisma, partyId);
    expect((await listTimelineAlertChoices(analyst, kase.id)).map((a) => a.onTimeline)).toEqual([false, false]);

    const input = (ids: string[]) => addEventsFromAlertsSchema.parse({ caseId: kase.id, alertIds: ids.join(",") });
    await expect(addEventsFromAlerts(analyst, input([a1.id]))).resolves.toEqual({ added: 1, skipped: 0 });
    await expect(addEventsFromAlerts(analyst, input([a1.id, a2.id]))).resolves.toEqual({ added: 1, skipped: 1 });
    await expect(addEventsFromAlerts(analyst, input([elsewhere.id]))).rejects.toBeInstanceOf(NotFoundError);

    const view = await listTimeline(analyst, kase.id);
    expect(view.events.map((e) => [e.alert?.id, e.precision, e.tags])).toEqual([[a1.id, "MINUTE", ["alert"]], [a2.id, "MINUTE", ["alert"]]]);
    expect(view.events[0]).toMatchObject({ title: "Tracking pixel", occurredAt: new Date("2026-03-01T09:15:00Z") });
    expect(await prisma.auditEvent.count({ where: { action: "timeline.add-from-alert", summary: { path: ["caseId"], equals: kase.id } } })).toBe(2);
  });

  it("links an alert only for viewers who may open it", async () => {
    const { prisma } = db();
    const kase = await createCase(prisma, partyId, { tlp: "GREEN", memberIds: [lead.userId], sharedWith: [taskforceId] });
    const alert = await createAlert(prisma, partyId, { caseId: kase.id, tlp: "GREEN" });
    await addEventsFromAlerts(lead, addEventsFromAlertsSchema.parse({ caseId: kase.id, alertIds: alert.id }));
    expect((await listTimeline(lead, kase.id)).events[0]!.alert?.id).toBe(alert.id);
    const shared = await listTimeline(tfReviewer, kase.id);
    expect(shared.events).toHaveLength(1);
    expect(shared.events[0]!.alert).toBeNull();
  });
});

describe("CSV import and export", () => {
  const HEADER = "occurredAt,precision,title,detail,source,confidence,tags,tlp,key";

  it("imports all good rows; with any bad row imports nothing and reports each error", async () => {
    const { prisma } = db();
    // The analyst is not a named member: RED is out of reach in this case.
    const kase = await createCase(prisma, partyId, { memberIds: [lead.userId] });
    const bad = [HEADER, "24/08/2021,,First access,,ICO,ALMOST_CERTAIN,first-access,CLEAR,true", "2022-13,,Bad month,,,,,CLEAR,", "2022-10,,Secret,,,,,RED,"].join("\n");
    const refused = await importTimelineCsv(analyst, kase.id, bad);
    expect(refused).toMatchObject({ imported: 0, total: 3 });
    expect(refused.errors).toEqual([
      { row: 3, column: "occurredAt", message: "Not a real date" },
      { row: 4, column: "tlp", message: expect.stringMatching(/TLP:RED is above your clearance/) },
    ]);
    expect(await prisma.timelineEvent.count({ where: { caseId: kase.id } })).toBe(0);

    const good = [HEADER, "24/08/2021,,First access,,ICO,ALMOST_CERTAIN,first-access,CLEAR,true", "2022-10,,Intrusion detected,,ICO,,detection,AMBER,yes"].join("\r\n");
    await expect(importTimelineCsv(analyst, kase.id, good)).resolves.toEqual({ imported: 2, total: 2, errors: [] });
    const view = await listTimeline(analyst, kase.id);
    expect(view.events.map((e) => [e.title, e.precision, e.key])).toEqual([["First access", "DAY", true], ["Intrusion detected", "MONTH", true]]);
    expect(view.metrics.dwellTime?.label).toBe("about 14 months");
    expect(await prisma.auditEvent.count({ where: { action: "timeline.import", summary: { path: ["caseId"], equals: kase.id } } })).toBe(2);
  });

  it("exports only what the viewer may see, audited", async () => {
    const { prisma } = db();
    const csv = await exportTimeline(tfReviewer, sharedCaseId, "csv");
    expect(csv.contentType).toMatch(/^text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(csv.body).toContain("Event CLEAR");
    expect(csv.body).toContain("Event GREEN");
    expect(csv.body).not.toContain("Event AMBER");

    const json = await exportTimeline(lead, sharedCaseId, "json");
    const parsed = JSON.parse(json.body) as { case: { id: string }; events: { tlp: string; date: string }[] };
    expect(parsed.case.id).toBe(sharedCaseId);
    expect(parsed.events.map((e) => e.tlp)).toEqual(TLPS);
    const audits = await prisma.auditEvent.findMany({ where: { action: "timeline.export", targetId: sharedCaseId }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => [a.actorUserId, (a.summary as { format: string; count: number }).format, (a.summary as { count: number }).count])).toEqual([
      [tfReviewer.userId, "csv", 2], [lead.userId, "json", 5],
    ]);
    expect(audits.every((a) => a.organisationId === partyId)).toBe(true);
  });
});
