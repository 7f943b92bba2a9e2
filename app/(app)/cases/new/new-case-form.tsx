"use client";

import { useActionState } from "react";
import type { Tlp } from "@/lib/db/generated/enums";
import { TLP_LABELS } from "@/lib/auth/tlp";
import { initialActionState } from "@/lib/http/action-state";
import { SEVERITY_LABELS } from "@/components/ui/badges";
import { createCaseAction } from "../actions";
import { Feedback, FieldError } from "@/components/ui/form-feedback";

const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"] as const;

export function NewCaseForm({ tlps }: { tlps: Tlp[] }) {
  const [state, action, pending] = useActionState(createCaseAction, initialActionState);
  // AMBER by default; RED is a deliberate choice, never the fallback.
  const defaultTlp = tlps.includes("AMBER") ? "AMBER" : (tlps.filter((t) => t !== "RED").at(-1) ?? "CLEAR");
  return (
    <form action={action} className="card stack" aria-label="New case">
      <label className="field">
        <span>Title</span>
        <input name="title" required minLength={3} maxLength={300} aria-describedby="title-error" />
        <FieldError state={state} name="title" />
      </label>
      <label className="field">
        <span>Summary</span>
        <textarea name="summary" rows={5} maxLength={5000} aria-describedby="summary-error" />
        <FieldError state={state} name="summary" />
      </label>
      <div className="row">
        <label className="field">
          <span>Severity</span>
          <select name="severity" defaultValue="MEDIUM" aria-describedby="severity-error">
            {SEVERITIES.map((s) => <option key={s} value={s}>{SEVERITY_LABELS[s]}</option>)}
          </select>
          <FieldError state={state} name="severity" />
        </label>
        <label className="field">
          <span>TLP</span>
          <select name="tlp" defaultValue={defaultTlp} aria-describedby="tlp-error">
            {tlps.map((t) => <option key={t} value={t}>{TLP_LABELS[t]}</option>)}
          </select>
          <FieldError state={state} name="tlp" />
        </label>
      </div>
      <label className="field">
        <span>Tags</span>
        <input name="tags" maxLength={2000} placeholder="apt31, phishing" aria-describedby="tags-hint tags-error" />
        <span id="tags-hint" className="field-hint">Separate tags with commas.</span>
        <FieldError state={state} name="tags" />
      </label>
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={pending}>{pending ? "Opening…" : "Open case"}</button>
      </div>
      <Feedback state={state} />
    </form>
  );
}
