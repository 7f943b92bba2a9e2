"use client";

import { useActionState, useId } from "react";
import type { Confidence, TimePrecision, Tlp } from "@/lib/db/generated/enums";
import { TLP_LABELS } from "@/lib/auth/tlp";
import { initialActionState } from "@/lib/http/action-state";
import { CONFIDENCE_LABELS, CONFIDENCE_RANGES, PRECISION_LABELS } from "@/lib/timeline/labels";
import { EVENT_DETAIL_MAX, EVENT_SOURCE_MAX, EVENT_TITLE_MAX } from "@/lib/timeline/schema";
import { addTimelineEventAction, updateTimelineEventAction } from "./actions";
import { FieldError, Feedback } from "@/components/ui/form-feedback";
import styles from "./timeline.module.css";

export interface EventFormValues {
  id: string;
  version: number;
  occurredAt: string;
  precision: TimePrecision;
  title: string;
  detail: string;
  source: string;
  confidence: Confidence | null;
  tags: string[];
  tlp: Tlp;
  key: boolean;
  entityIds: string[];
}

interface Props {
  caseId: string;
  tlps: Tlp[];
  entities: { id: string; name: string }[];
  /** Present when editing an existing event. */
  event?: EventFormValues;
}

const PRECISIONS: TimePrecision[] = ["YEAR", "MONTH", "DAY", "MINUTE"];
const CONFIDENCES = Object.keys(CONFIDENCE_LABELS) as Confidence[];

/** Add an event, or edit one (with its version: a stale edit gets a conflict, never overwrites). */
export function EventForm({ caseId, tlps, entities, event }: Props) {
  const [state, action, pending] = useActionState(event ? updateTimelineEventAction : addTimelineEventAction, initialActionState);
  const uid = useId();
  const f = (name: string) => `${uid}-${name}`;
  const invalid = (name: string) => (state.fieldErrors?.[name] ? true : undefined);
  const defaultTlp = event?.tlp ?? (tlps.includes("AMBER") ? "AMBER" : tlps[0]);

  return (
    <form action={action} className={`stack ${styles.eventForm}`} key={event ? `${event.id}-${event.version}` : undefined}>
      <input type="hidden" name="caseId" value={caseId} />
      {event ? (
        <>
          <input type="hidden" name="eventId" value={event.id} />
          <input type="hidden" name="version" value={event.version} />
        </>
      ) : null}
      <div className={styles.formRow}>
        <label className="field">
          <span>When</span>
          <input
            name="occurredAt" required maxLength={40} defaultValue={event?.occurredAt} placeholder="2021-08-24"
            aria-invalid={invalid("occurredAt")} aria-describedby={`${f("when-hint")} ${f("when-err")}`}
          />
          <span id={f("when-hint")} className="field-hint">2021 · 2022-10 · 24/08/2021 · 2021-08-24 14:05 (UK)</span>
          <FieldError state={state} name="occurredAt" id={f("when-err")} />
        </label>
        <label className="field">
          <span>Precision</span>
          <select name="precision" defaultValue={event?.precision ?? ""}>
            <option value="">From the date</option>
            {PRECISIONS.map((p) => <option key={p} value={p}>{PRECISION_LABELS[p]}</option>)}
          </select>
        </label>
      </div>
      <label className="field">
        <span>Title</span>
        <input name="title" required minLength={3} maxLength={EVENT_TITLE_MAX} defaultValue={event?.title} aria-invalid={invalid("title")} aria-describedby={f("title-err")} />
        <FieldError state={state} name="title" id={f("title-err")} />
      </label>
      <label className="field">
        <span>Detail</span>
        <textarea name="detail" rows={3} maxLength={EVENT_DETAIL_MAX} defaultValue={event?.detail} aria-invalid={invalid("detail")} aria-describedby={f("detail-err")} />
        <FieldError state={state} name="detail" id={f("detail-err")} />
      </label>
      <label className="field">
        <span>Source</span>
        <input name="source" maxLength={EVENT_SOURCE_MAX} defaultValue={event?.source} placeholder="e.g. ICO reprimand (2024)" aria-invalid={invalid("source")} aria-describedby={f("source-err")} />
        <FieldError state={state} name="source" id={f("source-err")} />
      </label>
      <div className={styles.formRow}>
        <label className="field">
          <span>Confidence (PHIA)</span>
          <select name="confidence" defaultValue={event?.confidence ?? ""}>
            <option value="">Not assessed</option>
            {CONFIDENCES.map((c) => <option key={c} value={c}>{CONFIDENCE_LABELS[c]} ({CONFIDENCE_RANGES[c]})</option>)}
          </select>
        </label>
        <label className="field">
          <span>TLP</span>
          <select name="tlp" defaultValue={defaultTlp} aria-invalid={invalid("tlp")} aria-describedby={f("tlp-err")}>
            {tlps.map((t) => <option key={t} value={t}>{TLP_LABELS[t]}</option>)}
          </select>
          <FieldError state={state} name="tlp" id={f("tlp-err")} />
        </label>
      </div>
      <label className="field">
        <span>Tags</span>
        <input
          name="tags" maxLength={500} defaultValue={event?.tags.join("; ")} placeholder="first-access; detection"
          aria-invalid={invalid("tags")} aria-describedby={`${f("tags-hint")} ${f("tags-err")}`}
        />
        <span id={f("tags-hint")} className="field-hint">Separate with “;”. Dwell time uses first-access and detection; also disclosure, containment, attribution.</span>
        <FieldError state={state} name="tags" id={f("tags-err")} />
      </label>
      {entities.length ? (
        <fieldset className={styles.choices}>
          <legend className={styles.legend}>Entities</legend>
          {entities.map((e) => (
            <label key={e.id} className={styles.choice}>
              <input type="checkbox" name="entityIds" value={e.id} defaultChecked={event?.entityIds.includes(e.id)} />
              <span>{e.name}</span>
            </label>
          ))}
          <FieldError state={state} name="entityIds" id={f("entities-err")} />
        </fieldset>
      ) : null}
      <label className="row">
        <input type="checkbox" name="key" defaultChecked={event?.key ?? false} />
        <span>Key event (highlighted)</span>
      </label>
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? "Saving…" : event ? "Save event" : "Add event"}
        </button>
      </div>
      <Feedback state={state} />
    </form>
  );
}
