"use client";

import { useActionState, useState } from "react";
import { initialActionState } from "@/lib/http/action-state";
import { READ_LINK_MAX_DAYS } from "@/lib/briefings/link-schema";
import { createReadLinkAction, revokeReadLinkAction } from "./link-actions";
import type { CreateReadLinkState } from "./read-link-state";

function NewLink({ path }: { path: string }) {
  const [copied, setCopied] = useState(false);
  const url = typeof window === "undefined" ? path : new URL(path, window.location.origin).toString();
  return (
    <div className="notice notice-success stack" role="status">
      <p><strong>Copy the link now.</strong> It is shown only this once: Vigil keeps a hash, not the link. Anyone with it can read this version until it expires or you revoke it.</p>
      <div className="row">
        <label className="sr-only" htmlFor="new-read-link">New read link</label>
        <input id="new-read-link" readOnly value={url} size={60} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="btn"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false));
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}

export function CreateReadLinkForm({ briefingId }: { briefingId: string }) {
  const [state, action, pending] = useActionState(createReadLinkAction, { ok: false } as CreateReadLinkState);
  const daysError = state.fieldErrors?.days?.join(" ");
  return (
    <div className="stack">
      {state.ok && state.path ? <NewLink key={state.path} path={state.path} /> : null}
      <form action={action} className="row">
        <input type="hidden" name="briefingId" value={briefingId} />
        <label className="field">
          <span>Expires after (days)</span>
          <input
            name="days" type="number" min={1} max={READ_LINK_MAX_DAYS} defaultValue={7} required
            aria-invalid={daysError ? true : undefined} aria-describedby={daysError ? "read-link-days-error" : undefined}
          />
          {daysError ? <span id="read-link-days-error" className="error-text">{daysError}</span> : null}
        </label>
        <button type="submit" className="btn" disabled={pending}>{pending ? "Creating…" : "Create read link"}</button>
      </form>
      {state.message && !state.ok ? <p role="alert" className="error-text">{state.message}</p> : null}
    </div>
  );
}

export function RevokeReadLinkButton({ briefingId, linkId, label }: { briefingId: string; linkId: string; label: string }) {
  const [state, action, pending] = useActionState(revokeReadLinkAction, initialActionState);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm("Revoke this read link? Whoever has it can no longer open the briefing.")) event.preventDefault();
      }}
    >
      <input type="hidden" name="briefingId" value={briefingId} />
      <input type="hidden" name="linkId" value={linkId} />
      <button type="submit" className="btn btn-danger btn-sm" disabled={pending} aria-label={`Revoke ${label}`}>
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {state.message && !state.ok ? <p role="alert" className="error-text">{state.message}</p> : null}
    </form>
  );
}
