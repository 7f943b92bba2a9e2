"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { TLP_LABELS, TLP_ORDER } from "@/lib/auth/tlp";
import { CASE_TITLE_MAX } from "@/lib/cases/rules";
import { SEVERITY_LABELS } from "@/components/ui/badges";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { loadPromotionTargetsAction, promoteAlertsAction, type PromoteState, type PromotionTargets } from "./promote-actions";

const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"] as const;

export interface PromoteDialogProps {
  /** The alerts to promote, in the order shown; the first one's title seeds a new case's title. */
  alerts: { id: string; title: string }[];
  onClose: () => void;
}

function FieldError({ state, name }: { state: PromoteState; name: string }) {
  const errors = state.fieldErrors?.[name];
  return errors ? <span className="error-text">{errors.join(" ")}</span> : null;
}

/** Escalate alerts into a new case or an open one; lands on the case. Open while mounted. */
export function PromoteDialog({ alerts, onClose }: PromoteDialogProps) {
  const router = useRouter();
  const [targets, setTargets] = useState<PromotionTargets | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [mode, setMode] = useState<"new" | "existing">("new");
  const busy = useRef(false);
  const [state, formAction, pending] = useActionState(async (prev: PromoteState, form: FormData) => {
    try {
      const next = await promoteAlertsAction(prev, form);
      if (next.ok && next.caseId) router.push(`/cases/${next.caseId}`);
      return next;
    } finally {
      busy.current = false;
    }
  }, { ok: false });

  useEffect(() => {
    let live = true;
    loadPromotionTargetsAction().then(
      (loaded) => live && setTargets(loaded),
      () => live && setLoadError(true),
    );
    return () => {
      live = false;
    };
  }, []);

  const n = alerts.length;
  const title = n === 1 ? "Promote alert to a case" : `Promote ${n} alerts to a case`;
  const cases = targets?.cases ?? [];
  // Promoted: the page is on its way to the case; ignore further submits meanwhile.
  const done = state.ok && !!state.caseId;
  // By hand rather than <form action>, which would reset a typed title when the promotion fails.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy.current || done) return;
    busy.current = true;
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  };

  if (targets && !targets.allowed) {
    return (
      <ModalDialog title={title} onClose={onClose}>
        <p>Your role cannot create cases or add alerts to them. Ask a security lead or an analyst.</p>
      </ModalDialog>
    );
  }

  return (
    <ModalDialog title={title} onClose={onClose}>
      <form className="stack" onSubmit={submit}>
        <input type="hidden" name="alertIds" value={alerts.map((a) => a.id).join(",")} />
        <ul className="link-list">
          {alerts.slice(0, 5).map((a) => <li key={a.id}>{a.title}</li>)}
          {n > 5 ? <li className="muted">and {n - 5} more</li> : null}
        </ul>

        <fieldset className="stack">
          <legend className="sr-only">Where the alerts go</legend>
          <label className="row">
            <input type="radio" name="target" value="new" checked={mode === "new"} onChange={() => setMode("new")} />
            New case
          </label>
          <label className="row">
            <input
              type="radio"
              name="target"
              value="existing"
              checked={mode === "existing"}
              onChange={() => setMode("existing")}
              disabled={targets !== null && cases.length === 0}
            />
            Add to an open case
            {targets !== null && cases.length === 0 ? <span className="muted">(none open)</span> : null}
          </label>
        </fieldset>

        {mode === "new" ? (
          <>
            <label className="field">
              <span>Case title</span>
              <input
                name="title"
                required
                minLength={3}
                maxLength={CASE_TITLE_MAX}
                defaultValue={(alerts[0]?.title ?? "").slice(0, CASE_TITLE_MAX)}
                data-autofocus
              />
              <FieldError state={state} name="target.title" />
            </label>
            <div className="row">
              <label className="field">
                <span>Severity</span>
                <select name="severity" defaultValue="">
                  <option value="">Highest of the alerts</option>
                  {SEVERITIES.map((s) => <option key={s} value={s}>{SEVERITY_LABELS[s]}</option>)}
                </select>
              </label>
              <label className="field">
                <span>TLP</span>
                <select name="tlp" defaultValue="">
                  <option value="">Most restrictive of the alerts</option>
                  {TLP_ORDER.map((t) => <option key={t} value={t}>{TLP_LABELS[t]}</option>)}
                </select>
              </label>
            </div>
            <p className="field-hint">A case is never less severe or less restrictive than its alerts.</p>
          </>
        ) : (
          <label className="field">
            <span>Case</span>
            <select name="caseId" required defaultValue="" data-autofocus>
              <option value="" disabled>Choose an open case…</option>
              {cases.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title} — {TLP_LABELS[c.tlp]}, {SEVERITY_LABELS[c.severity].toLowerCase()}
                </option>
              ))}
            </select>
            <FieldError state={state} name="target.caseId" />
          </label>
        )}

        {targets === null && !loadError ? <p className="muted">Loading open cases…</p> : null}
        {loadError ? <p role="alert" className="error-text">Open cases could not be loaded; you can still create a new case.</p> : null}
        <FieldError state={state} name="alertIds" />
        {state.message ? (
          <p role={state.ok ? "status" : "alert"} className={state.ok ? "success-text" : "error-text"}>{state.message}</p>
        ) : null}

        <div className="row">
          <button type="submit" className="btn btn-primary" aria-disabled={pending || done}>
            {pending ? "Promoting…" : mode === "new" ? "Create case" : "Add to case"}
          </button>
          <button type="button" className="btn btn-ghost" onClick={onClose}>Cancel</button>
        </div>
      </form>
    </ModalDialog>
  );
}
