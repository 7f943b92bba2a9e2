import { beforeAll, describe, expect, it } from "vitest";
import type { Tlp } from "@/lib/db/generated/enums";
import { ForbiddenError, type UserViewer } from "@/lib/auth/permissions";
import { TLP_ORDER } from "@/lib/auth/tlp";
import { listCaseActivity } from "@/lib/cases/data/activity";
import { getCase } from "@/lib/cases/data/detail";
import { listCases } from "@/lib/cases/data/list";
import { addCaseMember, listMemberCandidates, removeCaseMember } from "@/lib/cases/data/members";
import { changeCaseStatus, createCase as createCaseFn, updateCase, type CaseEditable } from "@/lib/cases/data/mutate";
import { getCaseSharing, shareCase, unshareCase } from "@/lib/cases/data/share";
import { changeCaseStatusSchema, createCaseSchema, parseCaseListQuery, updateCaseSchema } from "@/lib/cases/schema";
import { ConflictError, InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { createAlert, createCase, createOrg, createViewer } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

const db = useTestDb();

let partyId: string, taskforceId: string, otherId: string;
let lead: UserViewer, analyst: UserViewer, reviewer: UserViewer, viewerRole: UserViewer;
let tfReviewer: UserViewer, tfGreen: UserViewer, tfLead: UserViewer, outsider: UserViewer;

beforeAll(async () => {
  const { prisma } = db();
  partyId = (await createOrg(prisma, "Party")).id;
  taskforceId = (await createOrg(prisma, "Task force")).id;
  otherId = (await createOrg(prisma, "Other party")).id;
  lead = await createViewer(prisma, partyId, "LEAD", "RED");
  analyst = await createViewer(prisma, partyId, "ANALYST", "AMBER_STRICT");
  reviewer = await createViewer(prisma, partyId, "REVIEWER", "AMBER");
  viewerRole = await createViewer(prisma, partyId, "VIEWER", "GREEN");
  tfReviewer = await createViewer(prisma, taskforceId, "REVIEWER", "AMBER");
  tfGreen = await createViewer(prisma, taskforceId, "REVIEWER", "GREEN");
  tfLead = await createViewer(prisma, taskforceId, "LEAD", "RED");
  outsider = await createViewer(prisma, otherId, "ADMIN", "RED");
});

const rank = (t: Tlp) => TLP_ORDER.indexOf(t);

/** The TLP 2.0 rules of ARCHITECTURE.md, written out independently of lib/cases/rules.ts. */
function expectedToSee(v: UserViewer, tlp: Tlp, member: boolean, relation: "own" | "shared" | "unshared"): boolean {
  if (relation === "unshared") return false;
  if (relation === "own") return tlp === "RED" ? member : rank(tlp) <= rank(v.clearance);
  if (tlp === "CLEAR" || tlp === "GREEN") return rank(tlp) <= rank(v.clearance);
  return tlp === "AMBER" && member && rank(tlp) <= rank(v.clearance);
}

async function counts() {
  const { prisma } = db();
  const [cases, members, shares, audits] = await Promise.all([
    prisma.case.count(), prisma.caseMember.count(), prisma.caseShare.count(), prisma.auditEvent.count(),
  ]);
  return { cases, members, shares, audits };
}

describe("case visibility matrix (role × TLP × member × own/shared organisation)", () => {
  const matrix = () =>
    [
      [lead, "own"], [analyst, "own"], [reviewer, "own"], [viewerRole, "own"],
      [tfReviewer, "shared"], [tfGreen, "shared"], [tfLead, "shared"], [outsider, "unshared"],
    ] as const;

  it("getCase and listCases agree with the TLP rules, answering not found otherwise", async () => {
    const { prisma } = db();
    let checked = 0;
    for (const [v, relation] of matrix()) {
      const token = `mx-${v.userId.slice(-12)}`;
      const expected: string[] = [];
      for (const tlp of TLP_ORDER) {
        for (const member of [false, true]) {
          const c = await createCase(prisma, partyId, {
            title: `${token} ${tlp} ${member}`, tlp,
            memberIds: member ? [v.userId] : [],
            sharedWith: relation === "shared" ? [taskforceId] : [],
          });
          const sees = expectedToSee(v, tlp, member, relation);
          if (sees) {
            expected.push(c.id);
            expect((await getCase(v, c.id)).id, `${v.role}/${v.clearance} ${relation} ${tlp} member=${member}`).toBe(c.id);
          } else {
            await expect(getCase(v, c.id), `${v.role}/${v.clearance} ${relation} ${tlp} member=${member}`).rejects.toBeInstanceOf(NotFoundError);
          }
          checked++;
        }
      }
      const listed = await listCases(v, parseCaseListQuery({ q: token }).query);
      expect(listed.rows.map((r) => r.id).sort(), `${v.role} ${relation} list`).toEqual(expected.sort());
      expect(listed.total).toBe(expected.length);
      if (relation === "shared") expect(listed.rows.every((r) => r.sharedBy === "Party")).toBe(true);
      if (relation === "own") expect(listed.rows.every((r) => r.sharedBy === null)).toBe(true);
    }
    expect(checked).toBe(80);
  });

  it("a shared AMBER case is visible to a shared-organisation member only", async () => {
    const { prisma } = db();
    const c = await createCase(prisma, partyId, { tlp: "AMBER", sharedWith: [taskforceId], memberIds: [tfReviewer.userId] });
    expect((await getCase(tfReviewer, c.id)).members.map((m) => m.organisation)).toEqual(["Task force"]);
    await expect(getCase(tfLead, c.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("case list", () => {
  it("filters by status, severity, TLP, owner, tag and search, newest-updated first, with counts and pages", async () => {
    const { prisma } = db();
    const org = (await createOrg(prisma, "List org")).id;
    const me = await createViewer(prisma, org, "ANALYST", "AMBER_STRICT");
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const c = await createCase(prisma, org, {
        title: i === 3 ? "Phishing of staff" : `Case ${i}`,
        status: i % 3 === 0 ? "INVESTIGATING" : "OPEN",
        severity: i % 2 === 0 ? "HIGH" : "LOW",
        tlp: i % 5 === 0 ? "GREEN" : "AMBER",
        ownerId: i < 4 ? me.userId : null,
      });
      await prisma.case.update({ where: { id: c.id }, data: { tags: i === 7 ? ["apt31", "phishing"] : [], updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i)) } });
      ids.push(c.id);
    }
    const q = (raw: Record<string, string>) => listCases(me, parseCaseListQuery(raw).query);
    const first = await q({});
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0]!.id).toBe(ids[29]);
    expect(first.total).toBe(30);
    expect(first.counts).toEqual({ OPEN: 20, INVESTIGATING: 10, CONTAINED: 0, CLOSED: 0 });
    const second = await q({ after: first.nextCursor! });
    expect(second.rows.map((r) => r.id)).toEqual(ids.slice(0, 5).reverse());
    expect(second.nextCursor).toBeNull();

    expect((await q({ status: "INVESTIGATING" })).total).toBe(10);
    expect((await q({ status: "INVESTIGATING" })).counts.OPEN).toBe(20);
    expect((await q({ severity: "HIGH", tlp: "GREEN" })).rows.map((r) => r.id)).toEqual([ids[20], ids[10], ids[0]]);
    expect((await q({ owner: "me" })).total).toBe(4);
    expect((await q({ owner: me.userId })).total).toBe(4);
    expect((await q({ tag: "APT31" })).rows.map((r) => r.id)).toEqual([ids[7]]);
    expect((await q({ q: "phishing" })).rows.map((r) => r.id)).toEqual([ids[3]]);
    expect((await q({ q: "" })).total).toBe(30);
    // Invalid parameters are dropped (and named), never an error.
    expect(parseCaseListQuery({ status: "NOPE", severity: "HIGH" })).toEqual({ query: { severity: "HIGH" }, ignored: ["status"] });
    expect((await q({ after: "garbage" })).rows[0]!.id).toBe(ids[29]);
  });
});

describe("createCase", () => {
  it("makes the creator owner and member, and audits it", async () => {
    const { prisma } = db();
    const input = createCaseSchema.parse({ title: "Spear-phishing wave", summary: " Emails to MPs ", severity: "HIGH", tlp: "AMBER", tags: "APT31, phishing, apt31" });
    expect(input.tags).toEqual(["apt31", "phishing"]);
    const { id } = await createCaseFn(analyst, input);
    const row = await prisma.case.findUniqueOrThrow({ where: { id }, include: { members: true } });
    expect(row).toMatchObject({ organisationId: partyId, ownerId: analyst.userId, title: "Spear-phishing wave", summary: "Emails to MPs", status: "OPEN", version: 1, tags: ["apt31", "phishing"] });
    expect(row.members.map((m) => m.userId)).toEqual([analyst.userId]);
    expect(await prisma.auditEvent.count({ where: { targetId: id, action: "case.create", organisationId: partyId } })).toBe(1);
  });

  it("refuses a TLP above the creator's clearance, read-only roles, and bad input", async () => {
    const { prisma } = db();
    const amber = await createViewer(prisma, partyId, "ANALYST", "AMBER");
    const before = await counts();
    await expect(createCaseFn(amber, { title: "Too high", summary: "", severity: "LOW", tlp: "AMBER_STRICT", tags: [] })).rejects.toBeInstanceOf(InvalidStateError);
    await expect(createCaseFn(reviewer, { title: "Reader", summary: "", severity: "LOW", tlp: "GREEN", tags: [] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createCaseFn(viewerRole, { title: "Reader", summary: "", severity: "LOW", tlp: "GREEN", tags: [] })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);
    // A named member may open a RED case whatever their clearance.
    await createCaseFn(amber, { title: "Red but mine", summary: "", severity: "LOW", tlp: "RED", tags: [] });
    expect(createCaseSchema.safeParse({ title: "x", severity: "LOW", tlp: "GREEN" }).success).toBe(false);
    expect(createCaseSchema.safeParse({ title: "Fine", severity: "LOW", tlp: "GREEN", extra: 1 }).success).toBe(false);
    expect(createCaseSchema.safeParse({ title: "Fine", severity: "LOW", tlp: "GREEN", tags: "<script>" }).success).toBe(false);
    expect(createCaseSchema.safeParse({ title: "Fine", severity: "LOW", tlp: "GREEN", summary: "x".repeat(5001) }).success).toBe(false);
  });
});

describe("updateCase", () => {
  it("updates fields, bumps the version and audits before/after; a stale version conflicts with the current state", async () => {
    const { prisma } = db();
    const c = await createCase(prisma, partyId, { tlp: "AMBER", title: "Old title" });
    const input = updateCaseSchema.parse({ caseId: c.id, version: "1", title: "New title", summary: "Sum", severity: "HIGH", tlp: "AMBER", tags: "a, b" });
    const result = await updateCase(analyst, input);
    expect(result).toMatchObject({ title: "New title", version: 2 });
    expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ title: "New title", summary: "Sum", severity: "HIGH", tags: ["a", "b"], version: 2 });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { targetId: c.id, action: "case.update" } });
    expect(audit.summary).toMatchObject({ before: { title: "Old title", severity: "MEDIUM" }, after: { title: "New title", severity: "HIGH" } });

    const stale = updateCase(analyst, { ...input, title: "Lost write" });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const error = (await stale.catch((e: unknown) => e)) as ConflictError<CaseEditable>;
    expect(error.current).toMatchObject({ title: "New title", version: 2 });
    expect((await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).title).toBe("New title");
  });

  it("keeps the TLP within the editor's reach, and audits lowering it below items inside", async () => {
    const { prisma } = db();
    const c = await createCase(prisma, partyId, { tlp: "AMBER_STRICT" });
    await prisma.timelineEvent.create({ data: { organisationId: partyId, caseId: c.id, occurredAt: new Date(), title: "Strict", tlp: "AMBER_STRICT" } });
    const base = { caseId: c.id, title: c.title, summary: "", severity: "MEDIUM" as const, tags: [] };
    await expect(updateCase(analyst, { ...base, version: 1, tlp: "RED" })).rejects.toBeInstanceOf(InvalidStateError);
    await updateCase(analyst, { ...base, version: 1, tlp: "GREEN" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { targetId: c.id, action: "case.update" } });
    expect(audit.summary).toMatchObject({ before: { tlp: "AMBER_STRICT" }, after: { tlp: "GREEN" }, itemsAboveTlp: { timelineEvents: 1, notes: 0 } });
  });

  it("50 concurrent updates with the same version: exactly one wins, 49 conflict, one audit row", async () => {
    const { prisma } = db();
    const c = await createCase(prisma, partyId, { tlp: "AMBER", title: "Race" });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        updateCase(analyst, { caseId: c.id, version: 1, title: `Writer ${i}`, summary: `By ${i}`, severity: "HIGH", tlp: "AMBER", tags: [`w${i}`] }),
      ),
    );
    const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    expect(lost.every((r) => r.status === "rejected" && r.reason instanceof ConflictError)).toBe(true);
    const w = won[0]!;
    expect(await prisma.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ title: `Writer ${w}`, summary: `By ${w}`, tags: [`w${w}`], version: 2 });
    expect(await prisma.auditEvent.count({ where: { targetId: c.id, action: "case.update" } })).toBe(1);
  });
});

describe("changeCaseStatus", () => {
  it("walks the workflow; closing needs case:close and a resolution; reopening needs a reason", async () => {
    const { prisma } = db();
    const c = await createCase(prisma, partyId, { tlp: "GREEN" });
    await changeCaseStatus(analyst, { caseId: c.id, version: 1, status: "INVESTIGATING" });
    await changeCaseStatus(analyst, { caseId: c.id, version: 2, status: "CONTAINED" });
    await expect(changeCaseStatus(analyst, { caseId: c.id, version: 3, status: "CLOSED", resolution: "Done and dusted" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeCaseStatus(lead, { caseId: c.id, version: 3, status: "CLOSED" })).rejects.toBeInstanceOf(InvalidStateError);
    await expect(changeCaseStatus(lead, { caseId: c.id, version: 3, status: "CONTAINED" })).rejects.toBeInstanceOf(InvalidStateError);
    await changeCaseStatus(lead, { caseId: c.id, version: 3, status: "CLOSED", resolution: "Accounts reset, MFA enforced" });
    let row = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: "CLOSED", resolution: "Accounts reset, MFA enforced", version: 4 });
    expect(row.closedAt).not.toBeNull();

    // Closed: no edits until reopened.
    await expect(updateCase(lead, { caseId: c.id, version: 4, title: "Edit", summary: "", severity: "LOW", tlp: "GREEN", tags: [] })).rejects.toBeInstanceOf(InvalidStateError);
    await expect(changeCaseStatus(lead, { caseId: c.id, version: 4, status: "INVESTIGATING" })).rejects.toBeInstanceOf(InvalidStateError);
    await expect(changeCaseStatus(analyst, { caseId: c.id, version: 4, status: "INVESTIGATING", reason: "New evidence" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeCaseStatus(lead, { caseId: c.id, version: 3, status: "INVESTIGATING", reason: "New evidence" })).rejects.toBeInstanceOf(ConflictError);
    await changeCaseStatus(lead, { caseId: c.id, version: 4, status: "INVESTIGATING", reason: "New evidence" });
    row = await prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: "INVESTIGATING", resolution: null, closedAt: null, version: 5 });

    const actions = (await prisma.auditEvent.findMany({ where: { targetId: c.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["case.status", "case.status", "case.close", "case.reopen"]);
    const reopen = await prisma.auditEvent.findFirstOrThrow({ where: { targetId: c.id, action: "case.reopen" } });
    expect(reopen.summary).toMatchObject({ before: { status: "CLOSED" }, after: { status: "INVESTIGATING" }, reason: "New evidence" });
  });

  it("parses empty optional fields as absent", () => {
    const id = "0197a000-0000-7000-8000-000000000000";
    expect(changeCaseStatusSchema.parse({ caseId: id, version: "2", status: "OPEN", resolution: "", reason: " " })).toEqual({ caseId: id, version: 2, status: "OPEN" });
    expect(changeCaseStatusSchema.safeParse({ caseId: id, version: "2", status: "CLOSED", resolution: "no" }).success).toBe(false);
  });
});

describe("members", () => {
  it("adds own-organisation people, and shared-organisation people only to AMBER cases; the owner stays", async () => {
    const { prisma } = db();
    const c = await createCase(prisma, partyId, { tlp: "AMBER", ownerId: analyst.userId, memberIds: [analyst.userId], sharedWith: [taskforceId] });
    const candidates = await listMemberCandidates(analyst, c.id);
    expect(candidates.map((m) => m.id)).toEqual(expect.arrayContaining([lead.userId, tfReviewer.userId]));
    expect(candidates.map((m) => m.id)).not.toContain(outsider.userId);
    expect(candidates.map((m) => m.id)).not.toContain(analyst.userId);

    await addCaseMember(analyst, { caseId: c.id, userId: lead.userId });
    await addCaseMember(analyst, { caseId: c.id, userId: tfReviewer.userId });
    await expect(addCaseMember(analyst, { caseId: c.id, userId: lead.userId })).rejects.toBeInstanceOf(InvalidStateError);
    await expect(addCaseMember(analyst, { caseId: c.id, userId: outsider.userId })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getCase(tfReviewer, c.id)).id).toBe(c.id);

    const green = await createCase(prisma, partyId, { tlp: "GREEN", sharedWith: [taskforceId] });
    await expect(addCaseMember(analyst, { caseId: green.id, userId: tfReviewer.userId })).rejects.toBeInstanceOf(NotFoundError);

    await expect(removeCaseMember(analyst, { caseId: c.id, userId: analyst.userId })).rejects.toBeInstanceOf(InvalidStateError);
    await removeCaseMember(analyst, { caseId: c.id, userId: tfReviewer.userId });
    await expect(removeCaseMember(analyst, { caseId: c.id, userId: tfReviewer.userId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCase(tfReviewer, c.id)).rejects.toBeInstanceOf(NotFoundError);
    const members = await prisma.caseMember.findMany({ where: { caseId: c.id } });
    expect(members.map((m) => m.userId).sort()).toEqual([analyst.userId, lead.userId].sort());
    const actions = (await prisma.auditEvent.findMany({ where: { targetId: c.id, action: { startsWith: "case.member" } } })).map((a) => a.action).sort();
    expect(actions).toEqual(["case.member.add", "case.member.add", "case.member.remove"]);
  });
});

describe("sharing", () => {
  it("a LEAD shares read-only; the reader sees it, loses it on the next call after unsharing", async () => {
    const { prisma } = db();
    const c = await createCase(prisma, partyId, { tlp: "GREEN", memberIds: [] });
    await expect(getCase(tfReviewer, c.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(shareCase(analyst, { caseId: c.id, organisationId: taskforceId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(shareCase(lead, { caseId: c.id, organisationId: partyId })).rejects.toBeInstanceOf(NotFoundError);
    await shareCase(lead, { caseId: c.id, organisationId: taskforceId });
    await expect(shareCase(lead, { caseId: c.id, organisationId: taskforceId })).rejects.toBeInstanceOf(InvalidStateError);
    const sharing = await getCaseSharing(lead, c.id);
    expect(sharing.shares).toMatchObject([{ organisationId: taskforceId, name: "Task force", sharedBy: lead.name }]);
    expect(sharing.candidates.map((o) => o.id)).not.toContain(taskforceId);
    expect(sharing.candidates.map((o) => o.id)).not.toContain(partyId);
    await expect(getCaseSharing(tfReviewer, c.id)).rejects.toBeInstanceOf(NotFoundError);

    const seen = await getCase(tfReviewer, c.id);
    expect(seen.sharedBy).toBe("Party");
    expect(seen.ownOrganisation).toBe(false);
    expect((await listCases(tfReviewer, { q: c.title })).rows.map((r) => r.id)).toEqual([c.id]);

    await unshareCase(lead, { caseId: c.id, organisationId: taskforceId });
    await expect(getCase(tfReviewer, c.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listCases(tfReviewer, { q: c.title })).rows).toEqual([]);
    await expect(unshareCase(lead, { caseId: c.id, organisationId: taskforceId })).rejects.toBeInstanceOf(NotFoundError);
    const actions = (await prisma.auditEvent.findMany({ where: { targetId: c.id, organisationId: partyId, action: { in: ["case.share", "case.unshare"] } } })).map((a) => a.action).sort();
    expect(actions).toEqual(["case.share", "case.unshare"]);
  });

  it("refuses to share AMBER+STRICT and RED cases", async () => {
    const { prisma } = db();
    for (const tlp of ["AMBER_STRICT", "RED"] as const) {
      const c = await createCase(prisma, partyId, { tlp, memberIds: [lead.userId] });
      await expect(shareCase(lead, { caseId: c.id, organisationId: taskforceId })).rejects.toBeInstanceOf(InvalidStateError);
    }
  });
});

describe("audited reads by outsiders", () => {
  it("records case.view in the owning organisation's trail for outsiders only", async () => {
    const { prisma } = db();
    const c = await createCase(prisma, partyId, { tlp: "GREEN", sharedWith: [taskforceId] });
    await getCase(lead, c.id);
    await getCase(analyst, c.id);
    expect(await prisma.auditEvent.count({ where: { targetId: c.id, action: "case.view" } })).toBe(0);
    await getCase(tfReviewer, c.id);
    await getCase(tfReviewer, c.id);
    const views = await prisma.auditEvent.findMany({ where: { targetId: c.id, action: "case.view" } });
    expect(views).toHaveLength(2);
    expect(views.every((v) => v.organisationId === partyId && v.actorUserId === tfReviewer.userId && v.targetType === "Case")).toBe(true);
    // A refused read leaves no trace.
    await expect(getCase(outsider, c.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.auditEvent.count({ where: { targetId: c.id, action: "case.view" } })).toBe(2);
    const activity = await listCaseActivity(lead, c.id);
    expect(activity.filter((a) => a.action === "case.view")).toHaveLength(2);
  });
});

describe("activity", () => {
  it("lists case events and events about things inside it, newest first, own organisation only", async () => {
    const { prisma } = db();
    const { id } = await createCaseFn(analyst, { title: "Activity", summary: "", severity: "LOW", tlp: "GREEN", tags: [] });
    await changeCaseStatus(analyst, { caseId: id, version: 1, status: "INVESTIGATING" });
    const other = await createCase(prisma, partyId, { tlp: "GREEN" });
    await prisma.auditEvent.createMany({
      data: [
        { organisationId: partyId, actorLabel: "x", action: "task.create", targetType: "Task", targetId: "t1", summary: { caseId: id, title: "Reset" } },
        { organisationId: partyId, actorLabel: "x", action: "task.create", targetType: "Task", targetId: "t2", summary: { caseId: other.id } },
      ],
    });
    const alert = await createAlert(prisma, partyId);
    await prisma.auditEvent.create({
      data: { organisationId: partyId, actorLabel: "x", action: "alert.escalate", targetType: "Alert", targetId: alert.id, summary: { after: { caseId: id } } },
    });
    const items = await listCaseActivity(lead, id);
    expect(items.map((i) => i.action).sort()).toEqual(["alert.escalate", "case.create", "case.status", "task.create"]);
    expect(items.find((i) => i.action === "task.create")!.summary).toBeNull();
    expect(items.find((i) => i.action === "case.status")!.summary).toMatchObject({ after: { status: "INVESTIGATING" } });
    const times = items.map((i) => i.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    await prisma.caseShare.create({ data: { caseId: id, organisationId: taskforceId } });
    await expect(listCaseActivity(tfReviewer, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listCaseActivity(outsider, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("cross-organisation and read-only writers", () => {
  it("answers not found and writes nothing for another organisation's or a shared case; readers are forbidden", async () => {
    const { prisma } = db();
    const theirs = await createCase(prisma, otherId, { tlp: "CLEAR", ownerId: outsider.userId, memberIds: [outsider.userId] });
    const shared = await createCase(prisma, partyId, { tlp: "GREEN", sharedWith: [taskforceId], memberIds: [lead.userId], ownerId: lead.userId });
    const edit = (caseId: string) => ({ caseId, version: 1, title: "Hijack", summary: "", severity: "LOW" as const, tlp: "CLEAR" as const, tags: [] });
    const before = await counts();
    for (const [v, caseId] of [[analyst, theirs.id], [tfLead, shared.id]] as const) {
      await expect(updateCase(v, edit(caseId))).rejects.toBeInstanceOf(NotFoundError);
      await expect(changeCaseStatus(v, { caseId, version: 1, status: "INVESTIGATING" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(addCaseMember(v, { caseId, userId: v.userId })).rejects.toBeInstanceOf(NotFoundError);
      await expect(removeCaseMember(v, { caseId, userId: lead.userId })).rejects.toBeInstanceOf(NotFoundError);
      await expect(listMemberCandidates(v, caseId)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(shareCase(lead, { caseId: theirs.id, organisationId: taskforceId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(unshareCase(tfLead, { caseId: shared.id, organisationId: taskforceId })).rejects.toBeInstanceOf(NotFoundError);
    for (const v of [reviewer, viewerRole, tfReviewer]) {
      await expect(updateCase(v, edit(shared.id))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(changeCaseStatus(v, { caseId: shared.id, version: 1, status: "INVESTIGATING" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(addCaseMember(v, { caseId: shared.id, userId: analyst.userId })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(shareCase(v, { caseId: shared.id, organisationId: otherId })).rejects.toBeInstanceOf(ForbiddenError);
    }
    // tfLead's read of the shared case (inside loadCaseAccess) is not a getCase: no view audits either.
    expect(await counts()).toEqual(before);
    expect(await prisma.case.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ title: theirs.title, version: 1 });
    expect(await prisma.case.findUniqueOrThrow({ where: { id: shared.id } })).toMatchObject({ title: shared.title, version: 1, status: "OPEN" });
  });
});
