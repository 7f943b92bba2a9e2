"use client";

import { useActionState, useRef, useState } from "react";
import { initialActionState } from "@/lib/http/action-state";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { Feedback } from "@/components/ui/form-feedback";
import { publishBriefingAction } from "../actions";

/** Publish with a confirmation: a published version is frozen and the audience can read it. */
export function PublishForm({ id, version, audience, nextNumber }: { id: string; version: number; audience: string | null; nextNumber: number }) {
  const [state, action, pending] = useActionState(publishBriefingAction, initialActionState);
  const [confirming, setConfirming] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={action} className="stack" aria-label="Publish">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <div className="row">
        <button type="button" className="btn btn-primary" disabled={pending} onClick={() => setConfirming(true)}>
          {pending ? "Publishing…" : `Publish version ${nextNumber}`}
        </button>
      </div>
      {confirming ? (
      <ModalDialog title={`Publish version ${nextNumber}?`} onClose={() => setConfirming(false)}>
        <p>
          The content is frozen as the saved draft assembles now{nextNumber > 1 ? ", and replaces the current version" : ""}.
          {audience ? ` Readers at ${audience} will be able to read it.` : ""} Unsaved changes in the builder are not included.
        </p>
        <div className="row">
          <button type="button" className="btn btn-primary" data-autofocus onClick={() => { setConfirming(false); form.current?.requestSubmit(); }}>Publish</button>
          <button type="button" className="btn" onClick={() => setConfirming(false)}>Cancel</button>
        </div>
      </ModalDialog>
      ) : null}
      <Feedback state={state} />
    </form>
  );
}
