"use client";

import { useActionState } from "react";
import type { AlertStatus } from "@/lib/db/generated/enums";
import { initialActionState } from "@/lib/http/action-state";
import { Feedback, FieldError } from "@/components/ui/form-feedback";
import { acknowledgeAlertAction, assignAlertAction, changeAlertStatusAction } from "../actions";

interface Props {
  alert: { id: string; version: number; status: AlertStatus; assigneeId: string | null };
  assignees: { id: string; name: string }[];
  viewerId: string;
  canAssignOthers: boolean;
}

const STATUS_CHOICES = [
  ["ACKNOWLEDGED", "Acknowledged"],
  ["TRIAGED", "Triaged"],
  ["DISMISSED", "Dismissed"],
  ["NEW", "New (reopen)"],
] as const;

export function TriagePanel({ alert, assignees, viewerId, canAssignOthers }: Props) {
  const [ackState, ackAction, ackPending] = useActionState(acknowledgeAlertAction, initialActionState);
  const [assignState, assignAction, assignPending] = useActionState(assignAlertAction, initialActionState);
  const [statusState, statusAction, statusPending] = useActionState(changeAlertStatusAction, initialActionState);
  const locked = alert.status === "ESCALATED" || alert.status === "MERGED";

  return (
    <section className="card stack" aria-labelledby="triage-h">
      <h2 id="triage-h">Triage</h2>

      {alert.status === "NEW" && (
        <form action={ackAction}>
          <input type="hidden" name="alertId" value={alert.id} />
          <input type="hidden" name="version" value={alert.version} />
          <button type="submit" className="btn btn-primary" disabled={ackPending}>
            {ackPending ? "Acknowledging…" : "Acknowledge"}
          </button>
        </form>
      )}
      {/* Outside the form: after a successful acknowledgement the form itself is gone. */}
      <Feedback state={ackState} reloadLabel="Reload the alert" />

      <form action={assignAction} className="stack">
        <input type="hidden" name="alertId" value={alert.id} />
        <input type="hidden" name="version" value={alert.version} />
        {canAssignOthers ? (
          <label className="field">
            <span>Assignee</span>
            <select name="assigneeId" defaultValue={alert.assigneeId ?? ""}>
              <option value="">Unassigned</option>
              {assignees.map((a) => (
                <option key={a.id} value={a.id}>{a.name}{a.id === viewerId ? " (me)" : ""}</option>
              ))}
            </select>
          </label>
        ) : (
          <input type="hidden" name="assigneeId" value={alert.assigneeId === viewerId ? "" : "me"} />
        )}
        <button type="submit" className="btn" disabled={assignPending}>
          {canAssignOthers ? "Save assignee" : alert.assigneeId === viewerId ? "Unassign me" : "Assign to me"}
        </button>
        <FieldError state={assignState} name="assigneeId" />
        <Feedback state={assignState} reloadLabel="Reload the alert" />
      </form>
      {canAssignOthers && alert.assigneeId !== viewerId && (
        <form action={assignAction}>
          <input type="hidden" name="alertId" value={alert.id} />
          <input type="hidden" name="version" value={alert.version} />
          <input type="hidden" name="assigneeId" value="me" />
          <button type="submit" className="btn btn-ghost" disabled={assignPending}>Assign to me</button>
        </form>
      )}

      {locked ? (
        <p className="muted">This alert is {alert.status.toLowerCase()}; its status is managed from its case.</p>
      ) : (
        <form action={statusAction} className="stack">
          <input type="hidden" name="alertId" value={alert.id} />
          <input type="hidden" name="version" value={alert.version} />
          <label className="field">
            <span>New status</span>
            <select name="status" defaultValue="" required aria-describedby="status-error">
              <option value="" disabled>Choose…</option>
              {STATUS_CHOICES.filter(([value]) => value !== alert.status).map(([value, label]) => (
                <option key={value} value={value}>{label}</option>
              ))}
            </select>
            <FieldError state={statusState} name="status" />
          </label>
          <label className="field">
            <span>Reason</span>
            <textarea name="reason" rows={3} maxLength={1000} required minLength={3} aria-describedby="reason-error" />
            <FieldError state={statusState} name="reason" />
          </label>
          <button type="submit" className="btn" disabled={statusPending}>
            {statusPending ? "Saving…" : "Change status"}
          </button>
          <Feedback state={statusState} reloadLabel="Reload the alert" />
        </form>
      )}
    </section>
  );
}
