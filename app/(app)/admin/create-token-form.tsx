"use client";

import { useActionState, useState } from "react";
import type { Capability } from "@/lib/auth/permissions";
import { TLP_LABELS } from "@/lib/auth/tlp";
import type { Tlp } from "@/lib/db/generated/enums";
import { createApiTokenAction } from "./actions";
import type { CreateTokenState } from "./create-token-state";

const CAPABILITY_LABELS: Partial<Record<Capability, string>> = {
  "alert:read": "Read alerts (live events, exports)",
  "alert:triage": "Send alerts (ingestion API)",
  "vetting:read": "Include vetting alerts",
  "case:read": "Read cases",
};

interface Props {
  capabilities: readonly Capability[];
  /** Clearances the creator may give: up to their own. */
  clearances: readonly Tlp[];
}

function errorsFor(state: CreateTokenState, name: string): string[] {
  // Array fields report per element ("capabilities.0"): show them under the field itself.
  return Object.entries(state.fieldErrors ?? {})
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .flatMap(([, messages]) => messages);
}

function FieldError({ state, name }: { state: CreateTokenState; name: string }) {
  const errors = errorsFor(state, name);
  return errors.length ? <span id={`${name}-error`} className="error-text">{errors.join(" ")}</span> : null;
}

function NewSecret({ name, secret }: { name: string; secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="notice notice-success stack" role="status">
      <p><strong>Copy the token for “{name}” now.</strong> It is shown only this once: Vigil keeps a hash, not the token, and cannot show it again. Store it in the other program’s secret store, never in code or chat.</p>
      <div className="row">
        <label className="sr-only" htmlFor="new-token-secret">New API token</label>
        <input id="new-token-secret" readOnly value={secret} size={56} spellCheck={false} onFocus={(e) => e.currentTarget.select()} style={{ fontFamily: "var(--mono)" }} />
        <button
          type="button"
          className="btn"
          onClick={() => {
            void navigator.clipboard?.writeText(secret).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}

export function CreateTokenForm({ capabilities, clearances }: Props) {
  const [state, action, pending] = useActionState(createApiTokenAction, { ok: false } as CreateTokenState);
  const defaultClearance = clearances.includes("AMBER") ? "AMBER" : clearances[clearances.length - 1];

  return (
    <section className="card stack" aria-labelledby="create-token-h">
      <h2 id="create-token-h">Create an API token</h2>
      {state.ok && state.secret && state.tokenName ? <NewSecret key={state.secret} name={state.tokenName} secret={state.secret} /> : null}
      <form action={action} className="stack">
        <label className="field">
          <span>Name</span>
          <input name="name" required maxLength={100} placeholder="e.g. SIEM forwarder" aria-describedby="name-error" aria-invalid={errorsFor(state, "name").length > 0 || undefined} />
          <FieldError state={state} name="name" />
        </label>
        <div className="field" role="group" aria-labelledby="capabilities-label" aria-describedby="capabilities-error">
          <span id="capabilities-label" className="label">Capabilities</span>
          {capabilities.map((capability) => (
            <label key={capability} className="row">
              <input type="checkbox" name="capabilities" value={capability} defaultChecked={capability === "alert:triage"} />
              <span>{CAPABILITY_LABELS[capability] ?? capability} <code className="chip">{capability}</code></span>
            </label>
          ))}
          <FieldError state={state} name="capabilities" />
        </div>
        <label className="field">
          <span>Clearance</span>
          <select name="clearance" defaultValue={defaultClearance} aria-describedby="clearance-error clearance-hint">
            {clearances.map((tlp) => (
              <option key={tlp} value={tlp}>{TLP_LABELS[tlp]}</option>
            ))}
          </select>
          <span id="clearance-hint" className="field-hint">The most restrictive TLP the token may send or read; at most your own clearance.</span>
          <FieldError state={state} name="clearance" />
        </label>
        <label className="field">
          <span>Expires after (days)</span>
          <input name="expiresInDays" type="number" min={1} max={365} defaultValue={90} aria-describedby="expiresInDays-error expiry-hint" />
          <span id="expiry-hint" className="field-hint">1–365 days. Leave empty for a token that does not expire (not recommended).</span>
          <FieldError state={state} name="expiresInDays" />
        </label>
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={pending}>{pending ? "Creating…" : "Create token"}</button>
        </div>
        {state.message && !state.ok ? <p role="alert" className="error-text">{state.message}</p> : null}
      </form>
    </section>
  );
}
