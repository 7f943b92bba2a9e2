"use client";

import { useActionState } from "react";
import type { Tlp } from "@/lib/db/generated/enums";
import type { CaseSharing } from "@/lib/cases/data/share";
import { initialActionState } from "@/lib/http/action-state";
import { formatDateTime } from "@/lib/format";
import { shareCaseAction, unshareCaseAction } from "../actions";
import { Feedback, FieldError } from "@/components/ui/form-feedback";

interface Props {
  caseId: string;
  tlp: Tlp;
  sharing: CaseSharing;
  /** The viewer holds "case:share" (security leads and administrators). */
  canShare: boolean;
}

/** Read-only sharing with other organisations; they see only what TLP allows. */
export function SharePanel({ caseId, tlp, sharing, canShare }: Props) {
  const [shareState, shareAction, sharingPending] = useActionState(shareCaseAction, initialActionState);
  const [unshareState, unshareAction, unsharingPending] = useActionState(unshareCaseAction, initialActionState);
  const staysHome = tlp === "AMBER_STRICT" || tlp === "RED";

  return (
    <section className="card stack" aria-labelledby="case-sharing-h">
      <h2 id="case-sharing-h">Sharing</h2>
      {sharing.shares.length === 0 ? (
        <p className="muted">Not shared outside your organisation.</p>
      ) : (
        <ul className="entity-list">
          {sharing.shares.map((s) => (
            <li key={s.organisationId} className="row">
              <span>
                <strong>{s.name}</strong>{" "}
                <span className="muted">
                  read-only since {formatDateTime(s.sharedAt)}{s.sharedBy ? `, by ${s.sharedBy}` : ""}
                </span>
              </span>
              {canShare ? (
                <form action={unshareAction}>
                  <input type="hidden" name="caseId" value={caseId} />
                  <input type="hidden" name="organisationId" value={s.organisationId} />
                  <button type="submit" className="btn btn-ghost btn-sm" disabled={unsharingPending} aria-label={`Stop sharing with ${s.name}`}>
                    Unshare
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Feedback state={unshareState} />
      {canShare && staysHome ? (
        <p className="muted">TLP:AMBER+STRICT and TLP:RED cases never leave your organisation.</p>
      ) : null}
      {canShare && !staysHome && sharing.candidates.length > 0 ? (
        <form action={shareAction} className="row">
          <input type="hidden" name="caseId" value={caseId} />
          <label className="field">
            <span>Share read-only with</span>
            <select name="organisationId" defaultValue="" required aria-describedby="organisationId-error">
              <option value="" disabled>Choose…</option>
              {sharing.candidates.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
            <FieldError state={shareState} name="organisationId" />
          </label>
          <button type="submit" className="btn" disabled={sharingPending}>Share</button>
        </form>
      ) : null}
      {canShare && !staysHome ? (
        <p className="field-hint">
          They see the overview and timeline up to TLP:GREEN, and TLP:AMBER only for their people you name as members.
        </p>
      ) : null}
      <Feedback state={shareState} />
    </section>
  );
}
