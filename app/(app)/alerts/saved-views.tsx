"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { SavedViewRow } from "@/lib/alerts/data/views";
import { initialActionState, type ActionState } from "@/lib/http/action-state";
import { deleteSavedViewAction, saveViewAction } from "./view-actions";

interface Props {
  views: SavedViewRow[];
  /** The canonical query string of the view on screen (filters and sort, no page cursor). */
  currentQuery: string;
}

function Feedback({ state }: { state: ActionState }) {
  if (!state.message) return null;
  return <p role={state.ok ? "status" : "alert"} className={state.ok ? "success-text" : "error-text"}>{state.message}</p>;
}

/** Saved inbox views: links to filtered inboxes, and a form to save the one on screen. */
export function SavedViews({ views, currentQuery }: Props) {
  const [saveState, saveAction, saving] = useActionState(saveViewAction, initialActionState);
  const nameErrors = saveState.fieldErrors?.name ?? [];
  const queryErrors = saveState.fieldErrors?.query ?? [];

  return (
    // Collapsed until there is something to show, so the inbox table stays near the top.
    <details className="card stack saved-views" open={views.length > 0}>
      <summary>
        <h2 id="saved-views-h">Saved views{views.length ? ` (${views.length})` : ""}</h2>
      </summary>
      {views.length === 0 ? (
        <p className="muted">No saved views yet. Filter the inbox, then save the view here.</p>
      ) : (
        <ul className="link-list">
          {views.map((view) => (
            <li key={view.id} className="row">
              <Link href={view.query ? `/alerts?${view.query}` : "/alerts"} aria-current={view.query === currentQuery ? "page" : undefined}>
                {view.name}
              </Link>
              <span className="muted">{view.shared ? (view.mine ? "shared by you" : `shared by ${view.owner.name}`) : "private"}</span>
              {view.canDelete ? <DeleteView view={view} /> : null}
            </li>
          ))}
        </ul>
      )}

      <form action={saveAction} className="row" aria-label="Save this view">
        <input type="hidden" name="query" value={currentQuery} />
        <label className="field">
          <span>Save this view as</span>
          <input
            name="name"
            required
            maxLength={80}
            aria-invalid={nameErrors.length > 0 || undefined}
            aria-describedby={nameErrors.length > 0 ? "view-name-error" : undefined}
          />
        </label>
        <label className="row">
          <input type="checkbox" name="shared" />
          <span>Share with organisation</span>
        </label>
        <button type="submit" className="btn" disabled={saving}>{saving ? "Saving…" : "Save view"}</button>
        {nameErrors.length > 0 ? <span id="view-name-error" className="error-text">{nameErrors.join(" ")}</span> : null}
        {queryErrors.length > 0 ? <span className="error-text">{queryErrors.join(" ")}</span> : null}
      </form>
      <Feedback state={saveState} />
    </details>
  );
}

function DeleteView({ view }: { view: SavedViewRow }) {
  const [state, action, pending] = useActionState(deleteSavedViewAction, initialActionState);
  return (
    <form action={action} className="row">
      <input type="hidden" name="id" value={view.id} />
      <button type="submit" className="btn btn-ghost btn-sm" disabled={pending} aria-label={`Delete saved view ${view.name}`}>
        Delete
      </button>
      {state.ok ? null : <Feedback state={state} />}
    </form>
  );
}
