"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import type { Severity, Tlp } from "@/lib/db/generated/enums";
import { TLP_LABELS } from "@/lib/auth/tlp";
import { SEVERITY_LABELS } from "@/components/ui/badges";
import { updateCaseAction, type CaseEditState } from "../actions";
import { Feedback, FieldError } from "@/components/ui/form-feedback";

const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"] as const;
const EDITED = ["title", "summary", "severity", "tlp", "tags"] as const;

interface Props {
  kase: { id: string; title: string; summary: string; severity: Severity; tlp: Tlp; tags: string[]; version: number };
  /** TLPs this editor may choose. */
  tlps: Tlp[];
}

export function EditCaseForm({ kase, tlps }: Props) {
  const router = useRouter();
  const [state, action, pending] = useActionState<CaseEditState, FormData>(updateCaseAction, { ok: false });
  const tlpChoices = tlps.includes(kase.tlp) ? tlps : [...tlps, kase.tlp];

  return (
    <section className="card stack" aria-labelledby="case-edit-h">
      <h2 id="case-edit-h">Edit case</h2>
      {/* Keyed by version: once the page reloads with a newer version the form starts from it. */}
      <form key={kase.version} action={action} className="stack">
        <input type="hidden" name="caseId" value={kase.id} />
        <input type="hidden" name="version" value={kase.version} />
        <label className="field">
          <span>Title</span>
          <input name="title" defaultValue={kase.title} required minLength={3} maxLength={300} aria-describedby="title-error" />
          <FieldError state={state} name="title" />
        </label>
        <label className="field">
          <span>Summary</span>
          <textarea name="summary" defaultValue={kase.summary} rows={5} maxLength={5000} aria-describedby="summary-error" />
          <FieldError state={state} name="summary" />
        </label>
        <div className="row">
          <label className="field">
            <span>Severity</span>
            <select name="severity" defaultValue={kase.severity}>
              {SEVERITIES.map((s) => <option key={s} value={s}>{SEVERITY_LABELS[s]}</option>)}
            </select>
          </label>
          <label className="field">
            <span>TLP</span>
            <select name="tlp" defaultValue={kase.tlp} aria-describedby="tlp-error">
              {tlpChoices.map((t) => <option key={t} value={t}>{TLP_LABELS[t]}</option>)}
            </select>
            <FieldError state={state} name="tlp" />
          </label>
        </div>
        <label className="field">
          <span>Tags</span>
          <input name="tags" defaultValue={kase.tags.join(", ")} maxLength={2000} aria-describedby="edit-tags-hint tags-error" />
          <span id="edit-tags-hint" className="field-hint">Separate tags with commas.</span>
          <FieldError state={state} name="tags" />
        </label>
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={pending}>{pending ? "Saving…" : "Save changes"}</button>
        </div>
      </form>
      {/* Once reloaded at (or past) the version that conflicted, the notice has done its job. */}
      {state.conflict && state.current && state.submitted && kase.version < state.current.version ? (
        <div className="notice notice-error stack" role="alert">
          <p>{state.message}</p>
          <p>The case now reads (version {state.current.version}):</p>
          <dl className="dl-grid">
            <dt>Title</dt><dd>{state.current.title}</dd>
            <dt>Summary</dt><dd className="prewrap">{state.current.summary || "—"}</dd>
            <dt>Severity</dt><dd>{SEVERITY_LABELS[state.current.severity]}</dd>
            <dt>TLP</dt><dd>{TLP_LABELS[state.current.tlp]}</dd>
            <dt>Tags</dt><dd>{state.current.tags.join(", ") || "—"}</dd>
          </dl>
          <div className="row">
            <button type="button" className="btn" onClick={() => router.refresh()}>Reload</button>
            <form action={action}>
              <input type="hidden" name="caseId" value={kase.id} />
              <input type="hidden" name="version" value={state.current.version} />
              {EDITED.map((f) => <input key={f} type="hidden" name={f} value={state.submitted?.[f] ?? ""} />)}
              <button type="submit" className="btn btn-primary" disabled={pending}>Re-apply my changes</button>
            </form>
          </div>
        </div>
      ) : (
        <Feedback state={state} />
      )}
    </section>
  );
}
