import { beforeAll, describe, expect, it } from "vitest";
import { createTask, deleteTask, listTaskAssignees, listTasks, updateTask } from "@/lib/tasks/data";
import { createTaskSchema, updateTaskSchema } from "@/lib/tasks/schema";
import { ForbiddenError, type UserViewer } from "@/lib/auth/permissions";
import { ConflictError, InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { createCase, createOrg, createViewer } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

const db = useTestDb();

let partyId: string, taskforceId: string, otherId: string;
let lead: UserViewer, analyst: UserViewer, outsiderMember: UserViewer, reviewer: UserViewer, viewer: UserViewer, vetting: UserViewer;
let tfAnalyst: UserViewer, tfReviewer: UserViewer, outsider: UserViewer, disabled: UserViewer;
let caseId: string, redCaseId: string, closedCaseId: string;

beforeAll(async () => {
  const { prisma } = db();
  partyId = (await createOrg(prisma, "Party")).id;
  taskforceId = (await createOrg(prisma, "Task force")).id;
  otherId = (await createOrg(prisma, "Other party")).id;
  lead = await createViewer(prisma, partyId, "LEAD", "RED");
  analyst = await createViewer(prisma, partyId, "ANALYST", "AMBER_STRICT");
  outsiderMember = await createViewer(prisma, partyId, "ANALYST", "AMBER_STRICT");
  reviewer = await createViewer(prisma, partyId, "REVIEWER", "AMBER");
  viewer = await createViewer(prisma, partyId, "VIEWER", "AMBER");
  vetting = await createViewer(prisma, partyId, "VETTING", "AMBER");
  disabled = await createViewer(prisma, partyId, "ANALYST", "AMBER_STRICT");
  await prisma.user.update({ where: { id: disabled.userId }, data: { disabled: true } });
  tfAnalyst = await createViewer(prisma, taskforceId, "ANALYST", "RED");
  tfReviewer = await createViewer(prisma, taskforceId, "REVIEWER", "RED");
  outsider = await createViewer(prisma, otherId, "ADMIN", "RED");
  const members = [lead.userId, analyst.userId, tfAnalyst.userId, tfReviewer.userId];
  caseId = (await createCase(prisma, partyId, { tlp: "GREEN", memberIds: members, sharedWith: [taskforceId] })).id;
  redCaseId = (await createCase(prisma, partyId, { tlp: "RED", memberIds: [lead.userId, analyst.userId] })).id;
  closedCaseId = (await createCase(prisma, partyId, { tlp: "GREEN", status: "CLOSED", memberIds: members })).id;
});

const input = (o: Record<string, unknown>) => createTaskSchema.parse({ caseId, title: "Check the SPF records", ...o });

describe("tasks: create and list", () => {
  it("creates an audited task, with an assignee from the owning organisation", async () => {
    const { prisma } = db();
    const task = await createTask(analyst, input({ assigneeId: lead.userId, dueDate: "2026-06-10" }));
    expect(task).toMatchObject({ title: "Check the SPF records", status: "TODO", assignee: { id: lead.userId }, dueDate: "2026-06-10", version: 1 });
    // Stored as the start of the UK day (BST: 23:00 UTC the day before).
    const row = await prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row.dueAt?.toISOString()).toBe("2026-06-09T23:00:00.000Z");
    expect(row.organisationId).toBe(partyId);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { targetType: "Task", targetId: task.id } });
    expect(audit).toMatchObject({ action: "task.create", actorUserId: analyst.userId });
    expect(audit.summary).toMatchObject({ caseId });
  });

  it("refuses assignees who are disabled, in another organisation, or cannot open the case", async () => {
    await expect(createTask(analyst, input({ assigneeId: disabled.userId }))).rejects.toBeInstanceOf(InvalidStateError);
    await expect(createTask(analyst, input({ assigneeId: tfAnalyst.userId }))).rejects.toBeInstanceOf(InvalidStateError);
    await expect(createTask(analyst, input({ assigneeId: outsider.userId }))).rejects.toBeInstanceOf(InvalidStateError);
    await expect(createTask(lead, createTaskSchema.parse({ caseId: redCaseId, title: "Red work", assigneeId: outsiderMember.userId })))
      .rejects.toBeInstanceOf(InvalidStateError);
    const names = (await listTaskAssignees(lead, redCaseId)).map((a) => a.id).sort();
    expect(names).toEqual([lead.userId, analyst.userId].sort());
  });

  it("computes overdue against now in UK time, and never for done tasks", async () => {
    const { prisma } = db();
    const c = await createCase(prisma, partyId, { memberIds: [analyst.userId] });
    await createTask(analyst, createTaskSchema.parse({ caseId: c.id, title: "Summer task", dueDate: "2026-06-10" }));
    const done = await createTask(analyst, createTaskSchema.parse({ caseId: c.id, title: "Done task", dueDate: "2026-06-01" }));
    await updateTask(analyst, updateTaskSchema.parse({ taskId: done.id, version: 1, status: "DONE" }));
    const at = async (iso: string) => Object.fromEntries((await listTasks(analyst, c.id, new Date(iso))).map((t) => [t.title, t.overdue]));
    // 22:30 UTC on the 10th is 23:30 BST: still the due day.
    expect(await at("2026-06-10T22:30:00Z")).toEqual({ "Summer task": false, "Done task": false });
    // 23:30 UTC on the 10th is 00:30 BST on the 11th: overdue, though it is still the 10th in UTC.
    expect(await at("2026-06-10T23:30:00Z")).toEqual({ "Summer task": true, "Done task": false });
  });

  it("hides tasks from shared organisations, other organisations and those who cannot see the case", async () => {
    await expect(listTasks(tfAnalyst, caseId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listTasks(tfReviewer, caseId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listTasks(outsider, caseId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listTasks(outsiderMember, redCaseId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listTasks(reviewer, caseId)).length).toBeGreaterThan(0);
    expect((await listTasks(viewer, caseId)).length).toBeGreaterThan(0);
  });
});

describe("tasks: writes refused", () => {
  it("for roles without case:write, shared and other organisations, and closed cases", async () => {
    for (const v of [reviewer, viewer, vetting]) {
      await expect(createTask(v, input({}))).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(createTask(tfAnalyst, input({}))).rejects.toBeInstanceOf(NotFoundError);
    await expect(createTask(outsider, input({}))).rejects.toBeInstanceOf(NotFoundError);
    await expect(createTask(analyst, input({ caseId: closedCaseId }))).rejects.toBeInstanceOf(InvalidStateError);

    const task = await createTask(analyst, input({}));
    const change = updateTaskSchema.parse({ taskId: task.id, version: 1, status: "DONE" });
    await expect(updateTask(reviewer, change)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateTask(tfAnalyst, change)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateTask(outsider, change)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteTask(tfAnalyst, { taskId: task.id, version: 1 })).rejects.toBeInstanceOf(NotFoundError);

    const { prisma } = db();
    const closedTask = await prisma.task.create({ data: { organisationId: partyId, caseId: closedCaseId, title: "Old" } });
    await expect(updateTask(analyst, updateTaskSchema.parse({ taskId: closedTask.id, version: 1, status: "DONE" })))
      .rejects.toBeInstanceOf(InvalidStateError);
    expect((await prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("TODO");
  });
});

describe("tasks: versions", () => {
  it("updates fields with an audit trail, and a stale version gets a conflict with the current state", async () => {
    const { prisma } = db();
    const task = await createTask(analyst, input({}));
    const updated = await updateTask(lead, updateTaskSchema.parse({ taskId: task.id, version: 1, status: "IN_PROGRESS", assigneeId: analyst.userId, dueDate: "2026-03-25" }));
    expect(updated).toMatchObject({ status: "IN_PROGRESS", assignee: { id: analyst.userId }, dueDate: "2026-03-25", version: 2 });

    const error = await updateTask(analyst, updateTaskSchema.parse({ taskId: task.id, version: 1, title: "Stale" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<{ version: number; status: string }>).current).toMatchObject({ version: 2, status: "IN_PROGRESS" });
    expect((await prisma.task.findUniqueOrThrow({ where: { id: task.id } })).title).toBe("Check the SPF records");

    const audits = await prisma.auditEvent.findMany({ where: { targetId: task.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["task.create", "task.update"]);
    expect(audits[1]!.summary).toMatchObject({ caseId, before: { status: "TODO" }, after: { status: "IN_PROGRESS", dueDate: "2026-03-25" } });
  });

  it("lets exactly one of many concurrent updates with the same version win", async () => {
    const { prisma } = db();
    const task = await createTask(analyst, input({}));
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => updateTask(analyst, updateTaskSchema.parse({ taskId: task.id, version: 1, title: `Attempt ${i}` }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(11);
    for (const r of rejected) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const row = await prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row.version).toBe(2);
    expect(await prisma.auditEvent.count({ where: { targetId: task.id, action: "task.update" } })).toBe(1);
  });

  it("deletes only at the current version, audited with the case", async () => {
    const { prisma } = db();
    const task = await createTask(analyst, input({}));
    await updateTask(analyst, updateTaskSchema.parse({ taskId: task.id, version: 1, status: "BLOCKED" }));
    await expect(deleteTask(analyst, { taskId: task.id, version: 1 })).rejects.toBeInstanceOf(ConflictError);
    await deleteTask(analyst, { taskId: task.id, version: 2 });
    expect(await prisma.task.count({ where: { id: task.id } })).toBe(0);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { targetId: task.id, action: "task.delete" } });
    expect(audit.summary).toMatchObject({ caseId });
  });

  it("rejects bad input at the schema", () => {
    expect(createTaskSchema.safeParse({ caseId, title: "x" }).success).toBe(false);
    expect(createTaskSchema.safeParse({ caseId, title: "ok title", extra: 1 }).success).toBe(false);
    expect(createTaskSchema.safeParse({ caseId, title: "ok title", dueDate: "2026-02-30" }).success).toBe(false);
    expect(updateTaskSchema.safeParse({ taskId: caseId, version: "1" }).success).toBe(false);
    expect(updateTaskSchema.parse({ taskId: caseId, version: "3", assigneeId: "", dueDate: "" })).toMatchObject({ version: 3, assigneeId: null, dueDate: null });
  });
});
