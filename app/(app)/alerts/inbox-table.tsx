import Link from "next/link";
import type { AlertRow } from "@/lib/alerts/data/list";
import { formatAge, formatDateTime } from "@/lib/format";
import { KindBadge, SeverityBadge, StatusBadge, TlpBadge } from "@/components/ui/badges";

/** The inbox rows. */
export function InboxTable({ rows }: { rows: AlertRow[] }) {
  return (
    <table className="data-table" aria-label="Alerts">
      <thead>
        <tr>
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
      <tbody>
        {rows.map((alert) => (
          <tr key={alert.id}>
            <td><SeverityBadge severity={alert.severity} /></td>
            <td><Link href={`/alerts/${alert.id}`}>{alert.title}</Link></td>
            <td><KindBadge kind={alert.kind} /></td>
            <td><StatusBadge status={alert.status} /></td>
            <td><TlpBadge tlp={alert.tlp} /></td>
            <td className="nowrap">{alert.assignee?.name ?? <span className="muted">Unassigned</span>}</td>
            <td className="muted nowrap">{alert.source}</td>
            <td className="num">{alert.occurrences}</td>
            <td className="nowrap"><time dateTime={alert.createdAt.toISOString()} title={formatDateTime(alert.createdAt)}>{formatAge(alert.createdAt)}</time></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
