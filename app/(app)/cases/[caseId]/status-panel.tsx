"use client";

import { useActionState } from "react";
import type { CaseStatus } from "@/lib/db/generated/enums";
import { initialActionState } from "@/lib/http/action-state";
import { CASE_STATUS_LABELS, nextCaseStatus } from "@/lib/cases/status-rules";
import { changeCaseStatusAction } from "../actions";
import { Feedback, FieldError } from "@/components/ui/form-feedback";

const STEP_LABELS: Partial<Record<CaseStatus, string>> = {
  INVESTIGATING: "Start investigating",
  CONTAINED: "Mark contained",
};

interface Props {
  kase: { id: string; status: CaseStatus; version: number };
  canClose: boolean;
}

/** The workflow: OPEN → INVESTIGATING → CONTAINED → CLOSED (with a resolution), reopen with a reason. */
export function StatusPanel({ kase, canClose }: Props) {
  const [state, action, pending] = useActionState(changeCaseStatusAction, initialActionState);
  const next = nextCaseStatus(kase.status);
  const hidden = (
    <>
      <input type="hidden" name="caseId" value={kase.id} />
      <input type="hidden" name="version" value={kase.version} />
    </>
  );

  return (
    <section className="card stack" aria-labelledby="case-status-h">
      <h2 id="case-status-h">Status: {CASE_STATUS_LABELS[kase.status]}</h2>
      {next && next !== "CLOSED" ? (
        <form action={action}>
          {hidden}
          <input type="hidden" name="status" value={next} />
          <button type="submit" className="btn" disabled={pending}>{STEP_LABELS[next] ?? CASE_STATUS_LABELS[next]}</button>
        </form>
      ) : null}
      {kase.status !== "CLOSED" && canClose ? (
        <form action={action} className="stack">
          {hidden}
          <input type="hidden" name="status" value="CLOSED" />
          <label className="field">
            <span>Resolution</span>
            <textarea name="resolution" rows={3} required minLength={3} maxLength={2000} aria-describedby="resolution-error" />
            <FieldError state={state} name="resolution" />
          </label>
          <button type="submit" className="btn btn-danger" disabled={pending}>Close case</button>
        </form>
      ) : null}
      {kase.status === "CLOSED" && canClose ? (
        <form action={action} className="stack">
          {hidden}
          <label className="field">
            <span>Reopen as</span>
            <select name="status" defaultValue="INVESTIGATING">
              {(["OPEN", "INVESTIGATING", "CONTAINED"] as const).map((s) => <option key={s} value={s}>{CASE_STATUS_LABELS[s]}</option>)}
            </select>
          </label>
          <label className="field">
            <span>Reason for reopening</span>
            <textarea name="reason" rows={3} required minLength={3} maxLength={2000} aria-describedby="reason-error" />
            <FieldError state={state} name="reason" />
          </label>
          <button type="submit" className="btn" disabled={pending}>Reopen case</button>
        </form>
      ) : null}
      {!canClose ? <p className="muted">Closing and reopening cases is for security leads.</p> : null}
      <Feedback state={state} />
      {state.conflict ? <p className="muted">Reload the page to see the latest status.</p> : null}
    </section>
  );
}
