"use client";

import { useActionState, useState, type ReactNode } from "react";
import type { Tlp } from "@/lib/db/generated/enums";
import { initialActionState } from "@/lib/http/action-state";
import { deleteNoteAction, type NoteActionState } from "./actions";
import { NoteForm } from "./note-form";

interface Props {
  caseId: string;
  note: { id: string; version: number; body: string; tlp: Tlp; shareable: boolean; canEdit: boolean };
  allowedTlps: Tlp[];
  people: Record<string, string>;
  /** The header (author, time, badges), rendered on the server. */
  header: ReactNode;
  /** The rendered Markdown, rendered on the server. */
  children: ReactNode;
}

export function NoteItem({ caseId, note, allowedTlps, people, header, children }: Props) {
  const [editing, setEditing] = useState(false);
  const [deleteState, deleteAction, deleting] = useActionState<NoteActionState, FormData>(deleteNoteAction, initialActionState);
  return (
    <article id={`note-${note.id}`} className="card stack" aria-label="Note">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <div className="row">{header}</div>
        {note.canEdit && !editing ? (
          <div className="row">
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => setEditing(true)}>Edit</button>
            <form
              action={deleteAction}
              onSubmit={(e) => { if (!window.confirm("Delete this note?")) e.preventDefault(); }}
            >
              <input type="hidden" name="noteId" value={note.id} />
              <input type="hidden" name="caseId" value={caseId} />
              <input type="hidden" name="version" value={note.version} />
              <button type="submit" className="btn btn-sm btn-danger" disabled={deleting}>Delete</button>
            </form>
          </div>
        ) : null}
      </div>
      {editing ? (
        <NoteForm caseId={caseId} allowedTlps={allowedTlps} people={people} note={note} onDone={() => setEditing(false)} />
      ) : (
        children
      )}
      {deleteState.message && !deleteState.ok ? (
        <p role="alert" className="error-text">
          {deleteState.conflict ? "Someone else changed this note; reload to see it before deleting." : deleteState.message}
        </p>
      ) : null}
    </article>
  );
}
