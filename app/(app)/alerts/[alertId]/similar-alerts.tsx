import Link from "next/link";
import type { SimilarAlert } from "@/lib/alerts/data/similar";
import { formatAge, formatDateTime } from "@/lib/format";
import { SeverityBadge, StatusBadge } from "@/components/ui/badges";

/** Alerts sharing linked entities with this one, most shared first. */
export function SimilarAlerts({ alerts, hasEntities }: { alerts: SimilarAlert[]; hasEntities: boolean }) {
  return (
    <section className="card" aria-labelledby="similar-h">
      <h2 id="similar-h">Similar alerts</h2>
      {alerts.length === 0 ? (
        <p className="muted">
          {hasEntities ? "No other alerts share this alert's linked entities." : "Similar alerts are found through linked entities; this alert has none."}
        </p>
      ) : (
        <table className="data-table" aria-label="Similar alerts">
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Alert</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">Shared entities</th>
              <th scope="col">Last seen</th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((a) => (
              <tr key={a.id}>
                <td><SeverityBadge severity={a.severity} /></td>
                <td><Link href={`/alerts/${a.id}`}>{a.title}</Link></td>
                <td><StatusBadge status={a.status} /></td>
                <td className="num">{a.sharedEntities}</td>
                <td className="nowrap">
                  <time dateTime={a.lastSeenAt.toISOString()} title={formatDateTime(a.lastSeenAt)}>{formatAge(a.lastSeenAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
