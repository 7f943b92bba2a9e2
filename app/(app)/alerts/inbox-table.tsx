"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import type { AlertRow } from "@/lib/alerts/data/list";
import { initialActionState, type ActionState } from "@/lib/http/action-state";
import { formatAge, formatDateTime } from "@/lib/format";
import { KindBadge, SeverityBadge, StatusBadge, TlpBadge } from "@/components/ui/badges";
import { bulkAssignAction, bulkChangeStatusAction, mergeAlertsAction } from "./bulk-actions";
import { BulkBar } from "./bulk-bar";
import styles from "./inbox-table.module.css";
import { KeyboardHelp } from "./keyboard-help";
import { PromoteDialog } from "./promote-dialog";

export interface InboxTableProps {
  rows: AlertRow[];
  /** People the selection can be assigned to. */
  assignees: { id: string; name: string }[];
  viewerId: string;
  /** Whether the viewer may triage (select, assign, change status, merge, promote). */
  canTriage: boolean;
  /** Whether the viewer may assign alerts to other people. */
  canAssignOthers: boolean;
  /** Shown instead of the table when there are no rows (e.g. after triaging the last ones). */
  empty: ReactNode;
}

const BULK_ACTIONS = { assign: bulkAssignAction, status: bulkChangeStatusAction, merge: mergeAlertsAction } as const;

// Inputs where letters are text, not shortcuts. Checkboxes and buttons keep the shortcuts.
const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "image", "file", "color", "range"]);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/**
 * The inbox rows, keyboard-driven: one current row (roving focus), a selection for bulk
 * actions, and shortcuts (press ?). Every action goes through a server action whose data
 * function checks permissions; hiding controls here is only a convenience.
 */
export function InboxTable({ rows, assignees, viewerId, canTriage, canAssignOthers, empty }: InboxTableProps) {
  const router = useRouter();
  const tbodyRef = useRef<HTMLTableSectionElement>(null);
  const refocusRow = useRef(false);
  const busy = useRef(false);
  const [currentIndex, setCurrentIndex] = useState(0);
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [helpOpen, setHelpOpen] = useState(false);
  const [promoting, setPromoting] = useState<{ id: string; title: string }[] | null>(null);

  // Rows change under us (refresh after an action, live updates): clamp, and select only rows shown.
  const current = rows.length ? Math.min(currentIndex, rows.length - 1) : -1;
  const selected = rows.filter((r) => selectedIds.has(r.id));
  const allSelected = rows.length > 0 && selected.length === rows.length;

  const [state, runBulk, pending] = useActionState(async (prev: ActionState, form: FormData): Promise<ActionState> => {
    try {
      const op = String(form.get("op")) as keyof typeof BULK_ACTIONS;
      form.delete("op");
      const action = BULK_ACTIONS[op];
      if (!action) return { ok: false, message: "Unknown action." };
      const next = await action(prev, form);
      if (next.ok) {
        setSelectedIds(new Set());
        refocusRow.current = true;
        router.refresh();
      }
      return next;
    } finally {
      busy.current = false;
    }
  }, initialActionState);

  /** Starts a bulk action unless one is running (a double click, a key held down). */
  function runOnce(form: FormData) {
    if (busy.current) return;
    busy.current = true;
    startTransition(() => runBulk(form));
  }

  // After a bulk action the bar (and the button that had focus) goes away: back to the row.
  useEffect(() => {
    if (!refocusRow.current) return;
    refocusRow.current = false;
    if (current >= 0) tbodyRef.current?.rows[current]?.focus();
  });

  function focusRow(index: number) {
    if (index < 0) return;
    setCurrentIndex(index);
    tbodyRef.current?.rows[index]?.focus();
  }

  function toggle(id: string) {
    setSelectedIds((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function targets(): AlertRow[] {
    if (selected.length) return selected;
    const row = rows[current];
    return row ? [row] : [];
  }

  function assignToMe() {
    const ids = targets().map((r) => r.id);
    if (!ids.length) return;
    const form = new FormData();
    form.set("op", "assign");
    form.set("alertIds", ids.join(","));
    form.set("assigneeId", "me");
    runOnce(form);
  }

  function promote() {
    const list = targets().map((r) => ({ id: r.id, title: r.title }));
    if (list.length) setPromoting(list);
  }

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === "?") {
        if (promoting || (!helpOpen && document.querySelector("dialog[open]"))) return;
        event.preventDefault();
        setHelpOpen((open) => !open);
        return;
      }
      // An open dialog (ours or anyone's) has the keyboard.
      if (helpOpen || promoting || document.querySelector("dialog[open]")) return;
      const tbody = tbodyRef.current;
      const onRow = event.target instanceof HTMLTableRowElement && !!tbody?.contains(event.target);
      const inTable = !!tbody?.contains(document.activeElement);
      switch (event.key) {
        case "j":
        case "k":
        case "ArrowDown":
        case "ArrowUp": {
          if (event.key.startsWith("Arrow") && !onRow) return;
          event.preventDefault();
          // The first press enters the table at the current row; later ones move.
          const step = event.key === "j" || event.key === "ArrowDown" ? 1 : -1;
          focusRow(inTable ? Math.max(0, Math.min(rows.length - 1, current + step)) : current);
          return;
        }
        case "Enter": {
          const row = rows[current];
          if (!row || !(onRow || event.target === document.body)) return;
          event.preventDefault();
          router.push(`/alerts/${row.id}`);
          return;
        }
        case "/": {
          const search = document.querySelector<HTMLInputElement>('input[name="q"]');
          if (!search) return;
          event.preventDefault();
          search.focus();
          search.select();
          return;
        }
      }
      if (!canTriage) return;
      if (event.key === "x" && rows[current]) {
        event.preventDefault();
        toggle(rows[current].id);
        if (!inTable) focusRow(current);
      } else if (event.key === "a") {
        event.preventDefault();
        assignToMe();
      } else if (event.key === "e") {
        event.preventDefault();
        promote();
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  });

  return (
    <>
      {rows.length > 0 && (
      <p className={`muted ${styles.hint}`}>
        <span>
          Press <kbd>?</kbd> for keyboard shortcuts: <kbd>j</kbd> <kbd>k</kbd> to move, <kbd>Enter</kbd> to open
          {canTriage ? <>, <kbd>x</kbd> to select, <kbd>a</kbd> to take, <kbd>e</kbd> to escalate</> : null}.
        </span>
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => setHelpOpen(true)}>Keyboard shortcuts</button>
      </p>
      )}
      <p className="sr-only" aria-live="polite">
        {selected.length ? `${selected.length} ${selected.length === 1 ? "alert" : "alerts"} selected` : ""}
      </p>
      {canTriage && selected.length > 0 ? (
        <BulkBar
          selected={selected.map((r) => ({ id: r.id, title: r.title }))}
          assignees={assignees}
          viewerId={viewerId}
          canAssignOthers={canAssignOthers}
          action={runOnce}
          pending={pending}
          onPromote={promote}
          onClear={() => {
            setSelectedIds(new Set());
            refocusRow.current = true;
          }}
        />
      ) : null}
      {rows.length === 0 ? empty : (
      <table className="data-table" aria-label="Alerts">
        <thead>
          <tr>
            {canTriage ? (
              <th scope="col" className={styles.checkCell}>
                <input
                  type="checkbox"
                  aria-label="Select all alerts on this page"
                  checked={allSelected}
                  ref={(el) => {
                    if (el) el.indeterminate = selected.length > 0 && !allSelected;
                  }}
                  onChange={() => setSelectedIds(allSelected ? new Set() : new Set(rows.map((r) => r.id)))}
                />
              </th>
            ) : null}
            <th scope="col">Severity</th>
            <th scope="col">Alert</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">TLP</th>
            <th scope="col">Assignee</th>
            <th scope="col">Source</th>
            <th scope="col" className="num">Seen</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody ref={tbodyRef}>
          {rows.map((alert, i) => {
            const isSelected = selectedIds.has(alert.id);
            return (
              <tr
                key={alert.id}
                tabIndex={i === current ? 0 : -1}
                aria-selected={canTriage ? isSelected : undefined}
                aria-current={i === current ? "true" : undefined}
                className={i === current ? styles.current : undefined}
                onFocus={() => setCurrentIndex(i)}
              >
                {canTriage ? (
                  <td className={styles.checkCell}>
                    <input type="checkbox" aria-label={`Select “${alert.title}”`} checked={isSelected} onChange={() => toggle(alert.id)} />
                  </td>
                ) : null}
                <td><SeverityBadge severity={alert.severity} /></td>
                <td className="title-cell"><Link href={`/alerts/${alert.id}`}>{alert.title}</Link></td>
                <td><KindBadge kind={alert.kind} /></td>
                <td><StatusBadge status={alert.status} /></td>
                <td><TlpBadge tlp={alert.tlp} /></td>
                <td className="nowrap">{alert.assignee?.name ?? <span className="muted">Unassigned</span>}</td>
                <td className="muted nowrap">{alert.source}</td>
                <td className="num">{alert.occurrences}</td>
                <td className="nowrap">
                  <time dateTime={alert.createdAt.toISOString()} title={formatDateTime(alert.createdAt)}>{formatAge(alert.createdAt)}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      )}

      {/* Always rendered, so that screen readers announce what appears in them. */}
      <div>
        <p role="status" className="success-text">{state.ok ? state.message : null}</p>
        <div role="alert">
          {!state.ok && state.message ? <p className="error-text">{state.message}</p> : null}
          {!state.ok && state.fieldErrors
            ? Object.values(state.fieldErrors).flat().map((message) => <p key={message} className="error-text">{message}</p>)
            : null}
        </div>
      </div>

      {helpOpen ? <KeyboardHelp canTriage={canTriage} onClose={() => setHelpOpen(false)} /> : null}
      {promoting ? <PromoteDialog alerts={promoting} onClose={() => setPromoting(null)} /> : null}
    </>
  );
}
