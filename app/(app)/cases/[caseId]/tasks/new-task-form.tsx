"use client";

import { useActionState } from "react";
import { initialActionState, type ActionState } from "@/lib/http/action-state";
import { createTaskAction } from "./actions";

function FieldError({ state, name }: { state: ActionState; name: string }) {
  const errors = state.fieldErrors?.[name];
  return errors ? <span id={`new-task-${name}-error`} className="error-text">{errors.join(" ")}</span> : null;
}

export function NewTaskForm({ caseId, assignees }: { caseId: string; assignees: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createTaskAction, initialActionState);
  return (
    <form action={action} className="card stack" aria-labelledby="new-task-h">
      <h2 id="new-task-h">Add a task</h2>
      <input type="hidden" name="caseId" value={caseId} />
      <label className="field"><span>Title</span>
        <input name="title" required minLength={2} maxLength={300} aria-describedby="new-task-title-error" />
        <FieldError state={state} name="title" />
      </label>
      <div className="row">
        <label className="field"><span>Assignee</span>
          <select name="assigneeId" defaultValue="">
            <option value="">Unassigned</option>
            {assignees.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
          <FieldError state={state} name="assigneeId" />
        </label>
        <label className="field"><span>Due date (UK)</span>
          <input type="date" name="dueDate" aria-describedby="new-task-dueDate-error" />
          <FieldError state={state} name="dueDate" />
        </label>
      </div>
      <p className="row">
        <button type="submit" className="btn btn-primary" disabled={pending}>{pending ? "Adding…" : "Add task"}</button>
      </p>
      {state.message ? <p role={state.ok ? "status" : "alert"} className={state.ok ? "success-text" : "error-text"}>{state.message}</p> : null}
    </form>
  );
}
