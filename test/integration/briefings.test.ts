import { beforeAll, describe, expect, it } from "vitest";
import type { UserViewer } from "@/lib/auth/permissions";
import { createBriefing, getBriefingDraft, listBriefings, updateBriefing } from "@/lib/briefings/data/drafts";
import { previewBriefing } from "@/lib/briefings/data/sources";
import { compareVersions, getBriefingVersion, listBriefingVersions, publishBriefing } from "@/lib/briefings/data/versions";
import type { SectionDefinition } from "@/lib/briefings/schema";
import { ConflictError, InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { ForbiddenError } from "@/lib/auth/permissions";
import { createAlert, createCase, createOrg, createViewer } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

const db = useTestDb();

let lead: UserViewer, analyst: UserViewer, reviewer: UserViewer, outsider: UserViewer;
let greenCaseId: string, amberCaseId: string, viewId: string;
// Charts count by UK day.
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

async function addEvent(caseId: string, organisationId: string, title: string, tlp: "CLEAR" | "GREEN" | "AMBER", at: string, tags: string[] = []) {
  return db().prisma.timelineEvent.create({
    data: { organisationId, caseId, title, tlp, occurredAt: new Date(at), precision: "DAY", tags, source: "test" },
  });
}

beforeAll(async () => {
  const p = db().prisma;
  const [party, taskforce, third] = await Promise.all([createOrg(p, "Party"), createOrg(p, "Task force"), createOrg(p, "Third")]);
  lead = await createViewer(p, party.id, "LEAD", "RED");
  analyst = await createViewer(p, party.id, "ANALYST");
  reviewer = await createViewer(p, taskforce.id, "REVIEWER", "AMBER");
  outsider = await createViewer(p, third.id, "LEAD", "RED");

  const green = await createCase(p, party.id, { title: "Green case", tlp: "GREEN", ownerId: lead.userId, memberIds: [lead.userId] });
  const amber = await createCase(p, party.id, { title: "Amber case", tlp: "AMBER" });
  greenCaseId = green.id;
  amberCaseId = amber.id;
  await addEvent(green.id, party.id, "Public first access", "CLEAR", "2024-01-10T00:00:00Z", ["first-access"]);
  await addEvent(green.id, party.id, "Green detection", "GREEN", "2024-03-01T00:00:00Z", ["detection"]);
  await addEvent(green.id, party.id, "Amber internal finding", "AMBER", "2024-02-01T00:00:00Z");

  await createAlert(p, party.id, { tlp: "GREEN", title: "Green alert", kind: "INCIDENT" });
  await createAlert(p, party.id, { tlp: "AMBER", title: "Amber alert", kind: "INCIDENT" });
  const view = await p.savedView.create({ data: { organisationId: party.id, ownerId: lead.userId, name: "Incidents", query: "kind=INCIDENT", shared: true } });
  viewId = view.id;
});

function sections(): SectionDefinition[] {
  return [
    { kind: "text", title: "Intro", markdown: "**Hello**" },
    { kind: "case-summary", caseId: greenCaseId },
    { kind: "case-timeline", caseId: greenCaseId },
    { kind: "case-summary", caseId: amberCaseId },
    { kind: "chart", chart: "alerts-per-day", from: today, to: today },
    { kind: "alert-list", savedViewId: viewId, limit: 10 },
  ];
}

async function newBriefing(audience: string | null = reviewer.organisationId, tlp: "GREEN" | "AMBER" = "GREEN") {
  return createBriefing(lead, { title: "Weekly", audienceOrganisationId: audience, tlp, sections: sections() });
}

describe("briefing content by TLP", () => {
  it("leaves out everything above the briefing's TLP and counts it", async () => {
    const b = await newBriefing();
    const { snapshot, omitted, warnings } = await previewBriefing(lead, b.id);
    expect(warnings).toEqual([]);
    const json = JSON.stringify(snapshot);
    expect(json).not.toContain("Amber internal finding");
    expect(json).not.toContain("Amber case");
    expect(json).not.toContain("Amber alert");
    const timeline = snapshot.sections.find((s) => s.kind === "case-timeline");
    expect(timeline?.kind === "case-timeline" && timeline.events.map((e) => e.title)).toEqual(["Public first access", "Green detection"]);
    const chart = snapshot.sections.find((s) => s.kind === "chart");
    expect(chart?.kind === "chart" && chart.rows).toEqual([{ day: today, ADVISORY: 0, INCIDENT: 1, VETTING: 0, BALLOT: 0 }]);
    const list = snapshot.sections.find((s) => s.kind === "alert-list");
    expect(list?.kind === "alert-list" && list.alerts.map((a) => a.title)).toEqual(["Green alert"]);
    // AMBER event + AMBER case summary + AMBER alert in the chart + AMBER alert in the list.
    expect(omitted).toBe(4);
    expect(snapshot.sections.map((s) => s.kind)).toEqual(["text", "case-summary", "case-timeline", "chart", "alert-list"]);

    const amber = await newBriefing(reviewer.organisationId, "AMBER");
    const all = await previewBriefing(lead, amber.id);
    expect(all.omitted).toBe(0);
    expect(JSON.stringify(all.snapshot)).toContain("Amber internal finding");
  });

  it("refuses AMBER+STRICT for another organisation and non-writers", async () => {
    await expect(
      createBriefing(lead, { title: "x", audienceOrganisationId: reviewer.organisationId, tlp: "AMBER_STRICT", sections: [] }),
    ).rejects.toBeInstanceOf(InvalidStateError);
    await expect(createBriefing(analyst, { title: "x", audienceOrganisationId: null, tlp: "GREEN", sections: [] })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("publishing", () => {
  it("freezes a snapshot; later case changes appear only in a new version, which supersedes", async () => {
    const b = await newBriefing();
    const v1 = await publishBriefing(lead, b.id);
    expect(v1).toMatchObject({ number: 1, omitted: 4 });

    await db().prisma.case.update({ where: { id: greenCaseId }, data: { summary: "Changed summary" } });
    const added = await addEvent(greenCaseId, lead.organisationId, "Later disclosure", "GREEN", "2024-06-01T00:00:00Z", ["disclosure"]);

    const frozen = await getBriefingVersion(lead, b.id, 1);
    expect(JSON.stringify(frozen.snapshot)).not.toContain("Changed summary");
    expect(JSON.stringify(frozen.snapshot)).not.toContain("Later disclosure");

    const v2 = await publishBriefing(lead, b.id);
    expect(v2.number).toBe(2);
    const latest = await getBriefingVersion(lead, b.id);
    expect(latest.number).toBe(2);
    expect(JSON.stringify(latest.snapshot)).toContain("Later disclosure");
    const versions = await listBriefingVersions(lead, b.id);
    expect(versions.map((v) => [v.number, v.supersededAt !== null])).toEqual([[2, false], [1, true]]);
    expect((await getBriefingVersion(lead, b.id, 1)).snapshot).toEqual(frozen.snapshot);

    const diff = await compareVersions(lead, b.id, 1, 2);
    const timeline = diff.sections.find((s) => s.kind === "case-timeline");
    expect(timeline?.status).toBe("changed");
    expect(timeline?.details).toContain("Event added: 2024-06-01 — Later disclosure");
    expect(diff.sections.find((s) => s.kind === "case-summary")?.status).toBe("changed");
    expect(diff.sections.find((s) => s.kind === "text")?.status).toBe("unchanged");

    const audit = await db().prisma.auditEvent.findMany({ where: { targetId: b.id, action: "briefing.publish" } });
    expect(audit).toHaveLength(2);
    await db().prisma.timelineEvent.delete({ where: { id: added.id } });
  });

  it("refuses a stale draft save with a conflict", async () => {
    const b = await newBriefing();
    const saved = await updateBriefing(lead, { id: b.id, version: b.version, title: "New title", audienceOrganisationId: b.audienceOrganisationId, tlp: "GREEN", sections: [] });
    expect(saved.version).toBe(b.version + 1);
    await expect(
      updateBriefing(lead, { id: b.id, version: b.version, title: "Stale", audienceOrganisationId: null, tlp: "GREEN", sections: [] }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await getBriefingDraft(lead, b.id)).title).toBe("New title");
    await expect(publishBriefing(lead, b.id)).rejects.toBeInstanceOf(InvalidStateError);
  });
});

describe("audience isolation", () => {
  it("the audience reads published versions only, audited in the owner's trail; others get not found", async () => {
    const b = await newBriefing();
    // A draft is invisible to the audience.
    await expect(getBriefingVersion(reviewer, b.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getBriefingDraft(reviewer, b.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listBriefings(reviewer)).addressedToYou.map((r) => r.id)).not.toContain(b.id);

    await publishBriefing(lead, b.id);
    const read = await getBriefingVersion(reviewer, b.id);
    expect(read.own).toBe(false);
    expect(read.omitted).toBeNull();
    expect(JSON.stringify(read.snapshot)).not.toContain("Amber");
    expect((await listBriefings(reviewer)).addressedToYou.map((r) => r.id)).toContain(b.id);
    expect((await listBriefingVersions(reviewer, b.id)).every((v) => v.omitted === null)).toBe(true);
    // The audience never sees the draft, even once published.
    await expect(getBriefingDraft(reviewer, b.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewBriefing(reviewer, b.id)).rejects.toThrow();

    const audit = await db().prisma.auditEvent.findFirst({ where: { targetId: b.id, action: "briefing.read" } });
    expect(audit).toMatchObject({ organisationId: lead.organisationId, actorUserId: reviewer.userId });

    await expect(getBriefingVersion(outsider, b.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(compareVersions(outsider, b.id, 1, 1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(publishBriefing(outsider, b.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listBriefings(outsider)).own.concat((await listBriefings(outsider)).addressedToYou).map((r) => r.id)).not.toContain(b.id);

    // A published briefing keeps its audience.
    const draft = await getBriefingDraft(lead, b.id);
    await expect(
      updateBriefing(lead, { id: b.id, version: draft.version, title: draft.title, audienceOrganisationId: outsider.organisationId, tlp: "GREEN", sections: draft.sections }),
    ).rejects.toBeInstanceOf(InvalidStateError);
  });
});

describe("input edges", () => {
  it("a malformed id is not found, not a database error", async () => {
    await expect(getBriefingDraft(lead, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getBriefingVersion(reviewer, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a source the author cannot see becomes a warning, not content", async () => {
    const foreign = await createCase(db().prisma, outsider.organisationId, { title: "Someone else's case", tlp: "CLEAR" });
    const b = await createBriefing(lead, { title: "x", audienceOrganisationId: null, tlp: "GREEN", sections: [{ kind: "case-summary", caseId: foreign.id }] });
    const { snapshot, warnings } = await previewBriefing(lead, b.id);
    expect(snapshot.sections).toEqual([]);
    expect(warnings).toHaveLength(1);
  });
});

describe("open-by-severity chart", () => {
  it("counts open alerts within the TLP and leaves the rest out", async () => {
    const b = await createBriefing(lead, {
      title: "Chart", audienceOrganisationId: null, tlp: "GREEN", sections: [{ kind: "chart", chart: "open-by-severity", from: today, to: today }],
    });
    const { snapshot, omitted } = await previewBriefing(lead, b.id);
    const chart = snapshot.sections[0];
    expect(chart?.kind === "chart" && chart.rows.find((r) => r.severity === "MEDIUM")).toEqual({ severity: "MEDIUM", count: 1 });
    expect(omitted).toBe(1);
  });
});
