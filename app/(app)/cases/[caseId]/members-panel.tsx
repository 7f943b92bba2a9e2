"use client";

import { useActionState } from "react";
import type { MemberCandidate } from "@/lib/cases/data/members";
import { initialActionState } from "@/lib/http/action-state";
import { addCaseMemberAction, removeCaseMemberAction } from "../actions";
import { Feedback, FieldError } from "@/components/ui/form-feedback";

interface Props {
  caseId: string;
  ownerId: string | null;
  members: { id: string; name: string; organisation: string | null }[];
  /** Null when the viewer may not change members (a reader, or a closed case). */
  candidates: MemberCandidate[] | null;
}

/** Need-to-know: the people named on the case. */
export function MembersPanel({ caseId, ownerId, members, candidates }: Props) {
  const [addState, addAction, adding] = useActionState(addCaseMemberAction, initialActionState);
  const [removeState, removeAction, removing] = useActionState(removeCaseMemberAction, initialActionState);
  const editable = candidates !== null;

  return (
    <section className="card stack" aria-labelledby="case-members-h">
      <h2 id="case-members-h">Members</h2>
      {members.length === 0 ? (
        <p className="muted">Nobody is named on this case.</p>
      ) : (
        <ul className="entity-list">
          {members.map((m) => (
            <li key={m.id} className="row">
              <span>
                {m.name}
                {m.id === ownerId ? <span className="muted"> (owner)</span> : null}
                {m.organisation ? <span className="muted"> — {m.organisation}</span> : null}
              </span>
              {editable && m.id !== ownerId ? (
                <form action={removeAction}>
                  <input type="hidden" name="caseId" value={caseId} />
                  <input type="hidden" name="userId" value={m.id} />
                  <button type="submit" className="btn btn-ghost btn-sm" disabled={removing} aria-label={`Remove ${m.name}`}>Remove</button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Feedback state={removeState} />
      {editable ? (
        candidates.length === 0 ? (
          <p className="muted">Everyone who may be named on this case already is.</p>
        ) : (
          <form action={addAction} className="row">
            <input type="hidden" name="caseId" value={caseId} />
            <label className="field">
              <span>Add a member</span>
              <select name="userId" defaultValue="" required aria-describedby="userId-error">
                <option value="" disabled>Choose…</option>
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>{c.name}{c.organisationName ? ` (${c.organisationName})` : ""}</option>
                ))}
              </select>
              <FieldError state={addState} name="userId" />
            </label>
            <button type="submit" className="btn" disabled={adding}>Add</button>
          </form>
        )
      ) : null}
      <Feedback state={addState} />
    </section>
  );
}
