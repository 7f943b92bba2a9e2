import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { Role, TaskStatus, Tlp } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/data";
import { capabilitiesOf, type Viewer } from "@/lib/auth/permissions";
import { loadCaseAccess, type CaseAccess } from "@/lib/cases/data/visibility";
import { visibleTlps } from "@/lib/cases/rules";
import { publishCaseChange } from "@/lib/events/publish";
import { ConflictError, InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { dueDateToInstant, dueInstantToDate, isOverdue } from "./due";
import type { CreateTaskInput, DeleteTaskInput, UpdateTaskInput } from "./schema";

type Tx = Prisma.TransactionClient;

export interface TaskRow {
  id: string;
  caseId: string;
  title: string;
  status: TaskStatus;
  assignee: { id: string; name: string } | null;
  /** UK calendar day, "yyyy-mm-dd". */
  dueDate: string | null;
  overdue: boolean;
  version: number;
  updatedAt: Date;
}

const TASK_SELECT = {
  id: true, caseId: true, title: true, status: true, dueAt: true, version: true, updatedAt: true,
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.TaskSelect;

type TaskRecord = Prisma.TaskGetPayload<{ select: typeof TASK_SELECT }>;

function toRow(t: TaskRecord, now: Date): TaskRow {
  return {
    id: t.id, caseId: t.caseId, title: t.title, status: t.status, assignee: t.assignee,
    dueDate: t.dueAt ? dueInstantToDate(t.dueAt) : null, overdue: isOverdue(t.dueAt, t.status, now),
    version: t.version, updatedAt: t.updatedAt,
  };
}

/** Tasks are internal: readers from an organisation the case is shared with never see them. */
function assertOwnOrganisation(access: CaseAccess): void {
  if (!access.standing.ownOrganisation) throw new NotFoundError("Case");
}

/** The case's tasks, open ones first (then by due date), with overdue computed against `now`. */
export async function listTasks(viewer: Viewer, caseId: string, now: Date = new Date()): Promise<TaskRow[]> {
  const db = getDb();
  const access = await loadCaseAccess(db, viewer, caseId, "read");
  assertOwnOrganisation(access);
  const rows = await db.task.findMany({
    where: { caseId: access.id, organisationId: access.organisationId },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    select: TASK_SELECT,
    take: 500,
  });
  const done = (r: TaskRecord) => (r.status === "DONE" ? 1 : 0);
  return rows.sort((a, b) => done(a) - done(b)).map((r) => toRow(r, now));
}

export interface Assignee {
  id: string;
  name: string;
}

interface Candidate {
  id: string;
  name: string;
  role: Role;
  clearance: Tlp;
}

async function eligibleAssignees(db: Tx, access: CaseAccess): Promise<Candidate[]> {
  const [users, members] = await Promise.all([
    db.user.findMany({
      where: { organisationId: access.organisationId, disabled: false },
      select: { id: true, name: true, role: true, clearance: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    db.caseMember.findMany({ where: { caseId: access.id }, select: { userId: true } }),
  ]);
  const memberIds = new Set(members.map((m) => m.userId));
  // An assignee must be able to open the case: same rule as the viewer's own access.
  return users.filter(
    (u) => capabilitiesOf(u.role).includes("case:read")
      && visibleTlps(u.clearance, { ownOrganisation: true, member: memberIds.has(u.id) }).includes(access.tlp),
  );
}

/** Active people of the owning organisation who can open the case (for the assignee select). */
export async function listTaskAssignees(viewer: Viewer, caseId: string): Promise<Assignee[]> {
  const db = getDb();
  const access = await loadCaseAccess(db, viewer, caseId, "read");
  assertOwnOrganisation(access);
  return (await eligibleAssignees(db, access)).map(({ id, name }) => ({ id, name }));
}

async function checkAssignee(tx: Tx, access: CaseAccess, assigneeId: string | null): Promise<void> {
  if (!assigneeId) return;
  const ok = (await eligibleAssignees(tx, access)).some((u) => u.id === assigneeId);
  if (!ok) throw new InvalidStateError("The assignee must be an active member of your organisation who can open this case.");
}

export async function createTask(viewer: Viewer, input: CreateTaskInput): Promise<TaskRow> {
  return getDb().$transaction(async (tx) => {
    const access = await loadCaseAccess(tx, viewer, input.caseId, "write");
    await checkAssignee(tx, access, input.assigneeId);
    const row = await tx.task.create({
      data: {
        organisationId: access.organisationId, caseId: access.id, title: input.title,
        assigneeId: input.assigneeId, dueAt: input.dueDate ? dueDateToInstant(input.dueDate) : null,
      },
      select: TASK_SELECT,
    });
    await publishCaseChange(tx, { caseId: access.id, organisationIds: [access.organisationId], kind: "updated" });
    await recordAudit(tx, viewer, {
      action: "task.create",
      targetType: "Task",
      targetId: row.id,
      summary: { caseId: access.id, after: { title: row.title, status: row.status, assigneeId: input.assigneeId, dueDate: input.dueDate } },
    });
    return toRow(row, new Date());
  });
}

/** Loads a task of the viewer's organisation through its case's write access, checking the version. */
async function loadForWrite(tx: Tx, viewer: Viewer, taskId: string, version: number) {
  const found = await tx.task.findFirst({ where: { id: taskId, organisationId: viewer.organisationId }, select: { caseId: true } });
  if (!found) throw new NotFoundError("Task");
  // Not found unless the viewer can see the case; refuses shared organisations and closed cases.
  const access = await loadCaseAccess(tx, viewer, found.caseId, "write");
  const task = await tx.task.findUniqueOrThrow({ where: { id: taskId }, select: TASK_SELECT });
  if (task.version !== version) {
    throw new ConflictError<TaskRow>("Someone else changed this task. Review the current state, then reload or re-apply your change.", toRow(task, new Date()));
  }
  return { access, task };
}

async function stale(tx: Tx, taskId: string): Promise<never> {
  const current = await tx.task.findUnique({ where: { id: taskId }, select: TASK_SELECT });
  if (!current) throw new NotFoundError("Task");
  throw new ConflictError<TaskRow>("Someone else changed this task. Review the current state, then reload or re-apply your change.", toRow(current, new Date()));
}

export async function updateTask(viewer: Viewer, input: UpdateTaskInput): Promise<TaskRow> {
  return getDb().$transaction(async (tx) => {
    const { access, task } = await loadForWrite(tx, viewer, input.taskId, input.version);
    if (input.assigneeId !== undefined && input.assigneeId !== task.assignee?.id) await checkAssignee(tx, access, input.assigneeId);
    const data: Prisma.TaskUncheckedUpdateManyInput = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const before0 = toRow(task, new Date());
    if (input.title !== undefined && input.title !== task.title) {
      data.title = input.title; before.title = task.title; after.title = input.title;
    }
    if (input.status !== undefined && input.status !== task.status) {
      data.status = input.status; before.status = task.status; after.status = input.status;
    }
    if (input.assigneeId !== undefined && input.assigneeId !== (task.assignee?.id ?? null)) {
      data.assigneeId = input.assigneeId; before.assigneeId = task.assignee?.id ?? null; after.assigneeId = input.assigneeId;
    }
    if (input.dueDate !== undefined && input.dueDate !== before0.dueDate) {
      data.dueAt = input.dueDate ? dueDateToInstant(input.dueDate) : null; before.dueDate = before0.dueDate; after.dueDate = input.dueDate;
    }
    if (Object.keys(data).length === 0) return before0;
    const { count } = await tx.task.updateMany({ where: { id: task.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count !== 1) await stale(tx, task.id);
    await publishCaseChange(tx, { caseId: access.id, organisationIds: [access.organisationId], kind: "updated" });
    await recordAudit(tx, viewer, {
      action: after.status !== undefined && Object.keys(after).length === 1 ? "task.status" : "task.update",
      targetType: "Task",
      targetId: task.id,
      summary: { caseId: access.id, title: after.title ?? task.title, before, after } as Prisma.InputJsonValue,
    });
    return toRow(await tx.task.findUniqueOrThrow({ where: { id: task.id }, select: TASK_SELECT }), new Date());
  });
}

export async function deleteTask(viewer: Viewer, input: DeleteTaskInput): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const { access, task } = await loadForWrite(tx, viewer, input.taskId, input.version);
    const { count } = await tx.task.deleteMany({ where: { id: task.id, version: input.version } });
    if (count !== 1) await stale(tx, task.id);
    await publishCaseChange(tx, { caseId: access.id, organisationIds: [access.organisationId], kind: "updated" });
    await recordAudit(tx, viewer, {
      action: "task.delete",
      targetType: "Task",
      targetId: task.id,
      summary: { caseId: access.id, before: { title: task.title, status: task.status, assigneeId: task.assignee?.id ?? null } },
    });
  });
}
