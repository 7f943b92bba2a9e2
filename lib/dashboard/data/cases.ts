import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import { assertCan, type Viewer } from "@/lib/auth/permissions";
import { caseVisibility } from "@/lib/cases/data/visibility";
import { dueInstantToDate } from "@/lib/tasks/due";
import { startOfLondonToday } from "../ranges";
import { OPEN_CASE_STATUSES, type CaseStatusRow, type CasesChangedToday, type OverdueTasks } from "../types";

// The overview's case and task panels, within the viewer's visibility.

/**
 * Open (not closed) cases the viewer may see — their organisation's and those shared with it —
 * by status and severity: one row per open status, zero-filled. Counted by a GROUP BY in the
 * database; only the (at most 15) groups come back.
 */
export async function openCasesByStatusAndSeverity(viewer: Viewer): Promise<CaseStatusRow[]> {
  assertCan(viewer, "case:read");
  const groups = await getDb().case.groupBy({
    by: ["status", "severity"],
    where: { AND: [caseVisibility(viewer), { status: { in: [...OPEN_CASE_STATUSES] } }] },
    _count: { _all: true },
  });
  return OPEN_CASE_STATUSES.map((status) => {
    const row = { status, total: 0, INFO: 0, LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 } satisfies CaseStatusRow;
    for (const g of groups) {
      if (g.status !== status) continue;
      row[g.severity] = g._count._all;
      row.total += g._count._all;
    }
    return row;
  });
}

/**
 * Tasks not done whose due UK day has passed, in the viewer's own organisation's cases that the
 * viewer may see (tasks are internal: never those of cases shared with them). Most overdue first.
 */
export async function overdueTasks(viewer: Viewer, now: Date = new Date()): Promise<OverdueTasks> {
  assertCan(viewer, "case:read");
  const where: Prisma.TaskWhereInput = {
    organisationId: viewer.organisationId,
    status: { not: "DONE" },
    dueAt: { lt: startOfLondonToday(now) },
    case: { AND: [caseVisibility(viewer), { organisationId: viewer.organisationId }] },
  };
  const db = getDb();
  const [count, rows] = await Promise.all([
    db.task.count({ where }),
    db.task.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: 10,
      select: {
        id: true, title: true, status: true, dueAt: true, caseId: true,
        case: { select: { title: true } }, assignee: { select: { name: true } },
      },
    }),
  ]);
  return {
    count,
    rows: rows.map((t) => ({
      id: t.id, title: t.title, status: t.status, dueDate: dueInstantToDate(t.dueAt!), caseId: t.caseId,
      caseTitle: t.case.title, assignee: t.assignee?.name ?? null,
    })),
  };
}

/** Cases the viewer may see that changed since the start of today (UK), newest first. */
export async function casesChangedToday(viewer: Viewer, now: Date = new Date(), limit = 10): Promise<CasesChangedToday> {
  assertCan(viewer, "case:read");
  const where: Prisma.CaseWhereInput = { AND: [caseVisibility(viewer), { updatedAt: { gte: startOfLondonToday(now) } }] };
  const db = getDb();
  const [count, rows] = await Promise.all([
    db.case.count({ where }),
    db.case.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true, title: true, status: true, severity: true, tlp: true, updatedAt: true },
    }),
  ]);
  return { count, rows };
}
