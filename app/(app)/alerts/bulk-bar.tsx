"use client";

import { useState, type FormEvent } from "react";
import styles from "./inbox-table.module.css";

const STATUS_CHOICES = [
  ["ACKNOWLEDGED", "Acknowledged"],
  ["TRIAGED", "Triaged"],
  ["DISMISSED", "Dismissed"],
  ["NEW", "New (reopen)"],
] as const;

export interface BulkBarProps {
  /** The selected alerts, in inbox order. */
  selected: { id: string; title: string }[];
  assignees: { id: string; name: string }[];
  viewerId: string;
  /** Whether other people (and "nobody") can be chosen; otherwise only "me". */
  canAssignOthers: boolean;
  /**
   * Runs one bulk operation (ignored while another runs): the form carries `op` (assign, status
   * or merge) and its fields.
   */
  action: (form: FormData) => void;
  pending: boolean;
  onPromote: () => void;
  onClear: () => void;
}

/** Actions on the inbox selection. Shown while at least one alert is selected. */
export function BulkBar({ selected, assignees, viewerId, canAssignOthers, action, pending, onPromote, onClear }: BulkBarProps) {
  const [primaryChoice, setPrimaryChoice] = useState("");
  const ids = selected.map((a) => a.id);
  const primaryId = ids.includes(primaryChoice) ? primaryChoice : (ids[0] ?? "");
  const duplicates = ids.filter((id) => id !== primaryId);
  const n = selected.length;
  // Submitted by hand rather than through <form action>: React resets such a form even when the
  // action fails, and a refused change should keep the reason typed. The buttons are
  // aria-disabled while an action runs, not disabled: a disabled button drops keyboard focus.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    action(new FormData(event.currentTarget));
  };

  return (
    <section className={`card ${styles.bar}`} aria-label="Bulk actions on selected alerts">
      <p className={styles.count}>{n === 1 ? "1 alert selected" : `${n} alerts selected`}</p>

      <form onSubmit={submit}>
        <input type="hidden" name="op" value="assign" />
        <input type="hidden" name="alertIds" value={ids.join(",")} />
        <label className="field">
          <span>Assign to</span>
          <select name="assigneeId" defaultValue="me">
            <option value="me">Me</option>
            {canAssignOthers ? (
              <>
                {assignees.filter((a) => a.id !== viewerId).map((a) => (
                  <option key={a.id} value={a.id}>{a.name}</option>
                ))}
                <option value="">Nobody (unassign)</option>
              </>
            ) : null}
          </select>
        </label>
        <button type="submit" className="btn" aria-disabled={pending}>Assign</button>
      </form>

      <form onSubmit={submit}>
        <input type="hidden" name="op" value="status" />
        <input type="hidden" name="alertIds" value={ids.join(",")} />
        <label className="field">
          <span>Status</span>
          <select name="status" defaultValue="" required>
            <option value="" disabled>Choose…</option>
            {STATUS_CHOICES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <label className="field">
          <span>Reason</span>
          <input name="reason" className={styles.reason} required minLength={3} maxLength={1000} placeholder="Why (required)" />
        </label>
        <button type="submit" className="btn" aria-disabled={pending}>Change status</button>
      </form>

      {n >= 2 ? (
        <form onSubmit={submit}>
          <input type="hidden" name="op" value="merge" />
          <input type="hidden" name="duplicateIds" value={duplicates.join(",")} />
          <label className="field">
            <span>Merge duplicates into</span>
            <select name="primaryId" value={primaryId} onChange={(e) => setPrimaryChoice(e.target.value)}>
              {selected.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
            </select>
          </label>
          <button type="submit" className="btn" aria-disabled={pending}>
            Merge {duplicates.length === 1 ? "1 duplicate" : `${duplicates.length} duplicates`}
          </button>
        </form>
      ) : null}

      <div className="row">
        <button type="button" className="btn btn-primary" onClick={onPromote} aria-disabled={pending}>Promote to case…</button>
        <button type="button" className="btn btn-ghost" onClick={onClear}>Clear selection</button>
      </div>
    </section>
  );
}
