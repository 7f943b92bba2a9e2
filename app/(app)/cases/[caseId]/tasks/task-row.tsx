"use client";

import { startTransition, useActionState, useState } from "react";
import type { TaskRow as Task } from "@/lib/tasks/data";
import { formatDate } from "@/lib/format";
import { initialActionState } from "@/lib/http/action-state";
import { deleteTaskAction, updateTaskAction, type TaskActionState } from "./actions";
import { ConflictNotice } from "./conflict-notice";
import { TASK_STATUSES, TASK_STATUS_LABELS } from "./task-labels";

interface Props {
  task: Task;
  assignees: { id: string; name: string }[];
  canWrite: boolean;
}

function describe(t: Task): string {
  return [TASK_STATUS_LABELS[t.status], t.assignee ? `assigned to ${t.assignee.name}` : "unassigned", t.dueDate ? `due ${t.dueDate}` : "no due date"].join(", ");
}

function dueLabel(date: string): string {
  return formatDate(new Date(`${date}T12:00:00Z`));
}

export function TaskRow({ task, assignees, canWrite }: Props) {
  const [state, dispatch, pending] = useActionState<TaskActionState, FormData>(updateTaskAction, initialActionState);
  const [deleteState, deleteDispatch, deleting] = useActionState<TaskActionState, FormData>(deleteTaskAction, initialActionState);
  const [editing, setEditing] = useState(false);
  // The last submission, kept to re-apply it at the current version after a conflict.
  const [last, setLast] = useState<{ form: FormData; kind: "update" | "delete" } | null>(null);

  const submitUpdate = (form: FormData) => {
    setLast({ form, kind: "update" });
    dispatch(form);
  };
  const submitDelete = (form: FormData) => {
    setLast({ form, kind: "delete" });
    deleteDispatch(form);
  };
  const conflictState = state.conflict ? state : deleteState.conflict ? deleteState : null;
  const reapply = () => {
    const previous = last;
    const current = conflictState?.current;
    if (!previous || !current) return;
    const form = new FormData();
    for (const [k, v] of previous.form.entries()) form.set(k, v);
    form.set("version", String(current.version));
    startTransition(() => (previous.kind === "update" ? dispatch : deleteDispatch)(form));
  };

  return (
    <tr id={`task-${task.id}`}>
      <td>
        <strong>{task.title}</strong>
        {editing && canWrite ? (
          <form action={submitUpdate} className="stack">
            <input type="hidden" name="taskId" value={task.id} />
            <input type="hidden" name="version" value={task.version} />
            <label className="field"><span>Title</span>
              <input name="title" defaultValue={task.title} required minLength={2} maxLength={300} />
            </label>
            <label className="field"><span>Assignee</span>
              <select name="assigneeId" defaultValue={task.assignee?.id ?? ""}>
                <option value="">Unassigned</option>
                {assignees.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
              </select>
            </label>
            <label className="field"><span>Due date (UK)</span>
              <input type="date" name="dueDate" defaultValue={task.dueDate ?? ""} />
            </label>
            <p className="row">
              <button type="submit" className="btn btn-sm btn-primary" disabled={pending}>Save</button>
              <button type="button" className="btn btn-sm btn-ghost" onClick={() => setEditing(false)}>Cancel</button>
            </p>
          </form>
        ) : null}
        {conflictState?.current ? (
          <ConflictNotice summary={describe(conflictState.current)} onReapply={reapply} pending={pending || deleting} />
        ) : null}
        {!state.conflict && state.message && !state.ok ? <p role="alert" className="error-text">{state.message}</p> : null}
        {!deleteState.conflict && deleteState.message && !deleteState.ok ? <p role="alert" className="error-text">{deleteState.message}</p> : null}
        {state.fieldErrors ? <p className="error-text">{Object.values(state.fieldErrors).flat().join(" ")}</p> : null}
      </td>
      <td>
        {canWrite ? (
          <form action={submitUpdate} className="row">
            <input type="hidden" name="taskId" value={task.id} />
            <input type="hidden" name="version" value={task.version} />
            <label>
              <span className="sr-only">Status of “{task.title}”</span>
              <select name="status" defaultValue={task.status} key={`${task.id}-${task.version}`}>
                {TASK_STATUSES.map((s) => <option key={s} value={s}>{TASK_STATUS_LABELS[s]}</option>)}
              </select>
            </label>
            <button type="submit" className="btn btn-sm" disabled={pending}>{pending ? "Saving…" : "Set"}</button>
          </form>
        ) : (
          TASK_STATUS_LABELS[task.status]
        )}
      </td>
      <td>{task.assignee?.name ?? <span className="muted">Unassigned</span>}</td>
      <td className="nowrap">
        {task.dueDate ? (
          <>
            <time dateTime={task.dueDate}>{dueLabel(task.dueDate)}</time>
            {task.overdue ? <> <strong className="error-text">Overdue</strong></> : null}
          </>
        ) : (
          <span className="muted">None</span>
        )}
      </td>
      {canWrite ? (
        <td className="nowrap">
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
            Edit
          </button>
          <form
            action={submitDelete}
            style={{ display: "inline" }}
            onSubmit={(e) => { if (!window.confirm(`Delete the task “${task.title}”?`)) e.preventDefault(); }}
          >
            <input type="hidden" name="taskId" value={task.id} />
            <input type="hidden" name="caseId" value={task.caseId} />
            <input type="hidden" name="version" value={task.version} />
            <button type="submit" className="btn btn-sm btn-danger" disabled={deleting}>Delete</button>
          </form>
        </td>
      ) : null}
    </tr>
  );
}
