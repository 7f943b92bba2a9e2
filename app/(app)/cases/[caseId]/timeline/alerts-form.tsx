"use client";

import { useActionState } from "react";
import type { Tlp } from "@/lib/db/generated/enums";
import { TlpBadge } from "@/components/ui/badges";
import { initialActionState } from "@/lib/http/action-state";
import { addEventsFromAlertsAction } from "./actions";
import { Feedback } from "@/components/ui/form-feedback";
import styles from "./timeline.module.css";

export interface AlertChoice {
  id: string;
  title: string;
  tlp: Tlp;
  firstSeen: string;
}

/** The case's alerts not yet on the timeline, to add as events at their first sighting. */
export function AddFromAlertsForm({ caseId, alerts }: { caseId: string; alerts: AlertChoice[] }) {
  const [state, action, pending] = useActionState(addEventsFromAlertsAction, initialActionState);
  if (!alerts.length) return <p className="muted">Every alert of this case you can see is already on the timeline.</p>;
  return (
    <form action={action} className="stack">
      <input type="hidden" name="caseId" value={caseId} />
      <fieldset className={styles.choices}>
        <legend className="sr-only">Alerts to add</legend>
        {alerts.map((a) => (
          <label key={a.id} className={styles.choice}>
            <input type="checkbox" name="alertIds" value={a.id} />
            <span>
              <span className={styles.choiceTitle}>{a.title}</span>
              <span className="muted"> {a.firstSeen} </span>
              <TlpBadge tlp={a.tlp} />
            </span>
          </label>
        ))}
      </fieldset>
      <div className="row">
        <button type="submit" className="btn" disabled={pending}>{pending ? "Adding…" : "Add selected alerts"}</button>
      </div>
      <Feedback state={state} />
    </form>
  );
}
