import type { AlertDetail } from "@/lib/alerts/data/detail";
import { formatDateTime, humanise } from "@/lib/format";

function describe(action: string, summary: unknown): string {
  const s = (summary ?? {}) as {
    before?: Record<string, unknown>;
    after?: Record<string, unknown>;
    reason?: string;
    primaryTitle?: string;
    caseTitle?: string;
    duplicateIds?: unknown[];
  };
  switch (action) {
    case "alert.acknowledge":
      return "Acknowledged";
    case "alert.assign":
      return s.after?.assigneeName ? `Assigned to ${String(s.after.assigneeName)}` : "Unassigned";
    case "alert.status":
      return `Status ${humanise(String(s.before?.status ?? "?"))} → ${humanise(String(s.after?.status ?? "?"))}${s.reason ? `: “${s.reason}”` : ""}`;
    case "alert.merge":
      return `Merged into “${String(s.primaryTitle ?? "another alert")}”`;
    case "alert.merge-primary": {
      const n = Array.isArray(s.duplicateIds) ? s.duplicateIds.length : 0;
      return `${n === 1 ? "1 duplicate" : `${n} duplicates`} merged into this alert (${String(s.before?.occurrences ?? "?")} → ${String(s.after?.occurrences ?? "?")} occurrences)`;
    }
    case "alert.escalate":
      return `Escalated to case “${String(s.caseTitle ?? "?")}”`;
    default:
      return action;
  }
}

/** The alert's audit trail, newest first. */
export function AlertHistory({ history }: { history: AlertDetail["history"] }) {
  return (
    <section className="card" aria-labelledby="history-h">
      <h2 id="history-h">History</h2>
      {history.length === 0 ? (
        <p className="muted">No changes recorded in Vigil yet.</p>
      ) : (
        <ol className="timeline-list">
          {history.map((h) => (
            <li key={h.id}>
              <time dateTime={h.createdAt.toISOString()}>{formatDateTime(h.createdAt)}</time>
              <div>{describe(h.action, h.summary)}</div>
              <div className="muted">{h.actorLabel}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
