import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/http/errors";
import { listTaskAssignees, listTasks } from "@/lib/tasks/data";
import { loadCase } from "../load-case";
import { NewTaskForm } from "./new-task-form";
import { TaskRow } from "./task-row";

export const metadata: Metadata = { title: "Tasks" };

type Params = Promise<{ caseId: string }>;

export default async function CaseTasksPage({ params }: { params: Params }) {
  const { caseId } = await params;
  const viewer = await requireViewer();
  if (!z.uuid().safeParse(caseId).success) notFound();
  const detail = await loadCase(caseId);
  let tasks, assignees;
  try {
    // Tasks are internal: not found for readers from an organisation the case is shared with.
    [tasks, assignees] = await Promise.all([listTasks(viewer, caseId), listTaskAssignees(viewer, caseId)]);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const canWrite = can(viewer, "case:write") && detail.status !== "CLOSED";
  const overdue = tasks.filter((t) => t.overdue).length;

  return (
    <div className="stack">
      <section className="card" aria-labelledby="tasks-h">
        <h2 id="tasks-h">Tasks</h2>
        {overdue > 0 ? <p className="error-text"><strong>{overdue} overdue</strong> (due dates are UK days).</p> : null}
        {tasks.length === 0 ? (
          <EmptyState title="No tasks yet">{canWrite ? "Add the first one below." : null}</EmptyState>
        ) : (
          <div className="table-scroll">
            <table className="data-table" aria-label="Tasks">
              <thead>
                <tr>
                  <th scope="col">Task</th>
                  <th scope="col">Status</th>
                  <th scope="col">Assignee</th>
                  <th scope="col">Due</th>
                  {canWrite ? <th scope="col"><span className="sr-only">Actions</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {tasks.map((t) => (
                  <TaskRow key={`${t.id}-${t.version}`} task={t} assignees={assignees} canWrite={canWrite} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {detail.status === "CLOSED" ? <p className="muted">This case is closed. Reopen it to change its tasks.</p> : null}
      </section>
      {canWrite ? <NewTaskForm caseId={caseId} assignees={assignees} /> : null}
    </div>
  );
}
