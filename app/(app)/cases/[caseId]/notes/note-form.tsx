"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { SafeMarkdown } from "@/components/markdown/safe-markdown";
import type { Tlp } from "@/lib/db/generated/enums";
import { TLP_LABELS } from "@/lib/auth/tlp";
import { initialActionState } from "@/lib/http/action-state";
import { NOTE_BODY_MAX } from "@/lib/notes/schema";
import { createNoteAction, updateNoteAction, type NoteActionState } from "./actions";

interface Props {
  caseId: string;
  allowedTlps: Tlp[];
  people: Record<string, string>;
  /** Editing an existing note; absent for the composer. */
  note?: { id: string; version: number; body: string; tlp: Tlp; shareable: boolean };
  onDone?: () => void;
}

function FieldError({ state, name, id }: { state: NoteActionState; name: string; id: string }) {
  const errors = state.fieldErrors?.[name];
  return errors ? <span id={id} className="error-text">{errors.join(" ")}</span> : null;
}

/** Writes or edits a note: Markdown with a preview, a TLP, and whether the task force may see it. */
export function NoteForm({ caseId, allowedTlps, people, note, onDone }: Props) {
  const router = useRouter();
  // Called directly (not through useActionState) so the composer can clear itself on success.
  const [state, setState] = useState<NoteActionState>(initialActionState);
  const [pending, startTransition] = useTransition();
  const [body, setBody] = useState(note?.body ?? "");
  const [tlp, setTlp] = useState<Tlp>(note?.tlp ?? (allowedTlps.includes("AMBER") ? "AMBER" : allowedTlps[0] ?? "CLEAR"));
  const [shareable, setShareable] = useState(note?.shareable ?? false);
  const [preview, setPreview] = useState(false);
  const prefix = note ? `note-${note.id}` : "new-note";
  const shareAllowed = tlp !== "AMBER_STRICT" && tlp !== "RED";
  const handles = Object.keys(people).sort();

  const build = (version?: number) => {
    const form = new FormData();
    if (note) {
      form.set("noteId", note.id);
      form.set("version", String(version ?? note.version));
    }
    form.set("caseId", caseId);
    form.set("body", body);
    form.set("tlp", tlp);
    if (shareable && shareAllowed) form.set("shareable", "on");
    return form;
  };
  const send = (form: FormData) => {
    startTransition(async () => {
      const result = await (note ? updateNoteAction : createNoteAction)(state, form);
      setState(result);
      if (result.ok && !note) {
        setBody("");
        setPreview(false);
      }
    });
  };
  const submit = () => send(build());
  const reapply = () => {
    if (state.current) send(build(state.current.version));
  };

  return (
    <form action={submit} className="stack" aria-label={note ? "Edit note" : "New note"}>
      <div className="row" role="group" aria-label="Editor mode">
        <button type="button" className="btn btn-sm" aria-pressed={!preview} onClick={() => setPreview(false)}>Write</button>
        <button type="button" className="btn btn-sm" aria-pressed={preview} onClick={() => setPreview(true)}>Preview</button>
      </div>
      {preview ? (
        <div className="card" aria-label="Preview">
          {body.trim() ? <SafeMarkdown source={body} people={people} /> : <p className="muted">Nothing to preview.</p>}
        </div>
      ) : (
        <label className="field">
          <span>Note (Markdown)</span>
          <textarea
            name="body"
            rows={note ? 8 : 6}
            maxLength={NOTE_BODY_MAX}
            required
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-describedby={`${prefix}-hint ${prefix}-body-error`}
          />
          <FieldError state={state} name="body" id={`${prefix}-body-error`} />
        </label>
      )}
      <p id={`${prefix}-hint`} className="field-hint">
        Markdown: **bold**, *italic*, lists, `code`, [links](https://…). HTML is shown as text. Mention a colleague with @ and the
        part of their e-mail address before the @{handles[0] ? <>, e.g. <code>@{handles[0]}</code></> : null}; only colleagues who can
        open this note are notified.
      </p>
      {handles.length > 0 ? (
        <details>
          <summary>People you can mention</summary>
          <ul className="link-list">
            {handles.map((h) => <li key={h}><code>@{h}</code> — {people[h]}</li>)}
          </ul>
        </details>
      ) : null}
      <div className="row">
        <label className="field">
          <span>TLP</span>
          <select name="tlp" value={tlp} onChange={(e) => setTlp(e.target.value as Tlp)}>
            {allowedTlps.map((t) => <option key={t} value={t}>{TLP_LABELS[t]}</option>)}
          </select>
          <FieldError state={state} name="tlp" id={`${prefix}-tlp-error`} />
        </label>
        <label className="field">
          <span>
            <input
              type="checkbox"
              name="shareable"
              checked={shareable && shareAllowed}
              disabled={!shareAllowed}
              onChange={(e) => setShareable(e.target.checked)}
            />{" "}
            Share with organisations this case is shared with
          </span>
          <span className="field-hint">{shareAllowed ? "Within TLP rules only." : "TLP:AMBER+STRICT and TLP:RED notes never leave your organisation."}</span>
          <FieldError state={state} name="shareable" id={`${prefix}-shareable-error`} />
        </label>
      </div>
      <p className="row">
        <button type="submit" className="btn btn-primary" disabled={pending || !body.trim()}>
          {pending ? "Saving…" : note ? "Save note" : "Add note"}
        </button>
        {onDone ? <button type="button" className="btn btn-ghost" onClick={onDone}>Cancel</button> : null}
      </p>
      {state.current ? (
        <div role="alert" className="notice notice-error stack">
          <p>Someone else changed this note while you were editing. Their version:</p>
          <div className="card"><SafeMarkdown source={state.current.body} people={people} /></div>
          <p className="row">
            <button type="button" className="btn btn-sm" onClick={() => router.refresh()}>Reload (discard my edit)</button>
            <button type="button" className="btn btn-sm btn-primary" onClick={reapply} disabled={pending}>Re-apply my edit</button>
          </p>
        </div>
      ) : state.message ? (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? "success-text" : "error-text"}>{state.message}</p>
      ) : null}
    </form>
  );
}
