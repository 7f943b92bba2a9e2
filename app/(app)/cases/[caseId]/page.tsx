import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { getCase, type CaseDetail, type CaseTimelineEvent } from "@/lib/cases/data/detail";
import { formatDate, formatDateTime, humanise } from "@/lib/format";
import { NotFoundError } from "@/lib/http/errors";
import { SeverityBadge, StatusBadge, TlpBadge } from "@/components/ui/badges";
import { PageHeader } from "@/components/ui/page-header";

// A minimal, read-only case page: enough to land on after promoting alerts. The full workspace
// (tabs, editing, tasks, notes, sharing) replaces it.

type Params = Promise<{ caseId: string }>;

async function load(caseId: string): Promise<CaseDetail> {
  const viewer = await requireViewer();
  if (!z.uuid().safeParse(caseId).success) notFound();
  try {
    return await getCase(viewer, caseId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const detail = await load((await params).caseId);
  return { title: detail.title };
}

const monthYear = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", month: "long", year: "numeric" });
const yearOnly = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric" });

/** A date no more precise than what is known about it. */
function when(event: CaseTimelineEvent): string {
  switch (event.precision) {
    case "YEAR":
      return yearOnly.format(event.occurredAt);
    case "MONTH":
      return monthYear.format(event.occurredAt);
    case "DAY":
      return formatDate(event.occurredAt);
    default:
      return formatDateTime(event.occurredAt);
  }
}

export default async function CasePage({ params }: { params: Params }) {
  const detail = await load((await params).caseId);
  const caseStatus = humanise(detail.status);

  return (
    <div className="page">
      <p><Link href="/cases">← Cases</Link></p>
      <PageHeader
        title={detail.title}
        description={
          <span className="row">
            <SeverityBadge severity={detail.severity} />
            <span className="badge status">
              <span className="sr-only">Status: </span>
              {caseStatus}
            </span>
            <TlpBadge tlp={detail.tlp} />
            {detail.sharedBy ? <span className="muted">Shared read-only by {detail.sharedBy}</span> : null}
          </span>
        }
      />
      <div className="detail-grid">
        <div className="stack">
          <section className="card" aria-labelledby="case-summary-h">
            <h2 id="case-summary-h">Summary</h2>
            <p className="prewrap">{detail.summary || <span className="muted">No summary yet.</span>}</p>
          </section>

          <section className="card" aria-labelledby="case-alerts-h">
            <h2 id="case-alerts-h">Linked alerts</h2>
            {detail.alerts.length === 0 ? (
              <p className="muted">No alerts you can see are linked to this case.</p>
            ) : (
              <table className="data-table" aria-label="Linked alerts">
                <thead>
                  <tr>
                    <th scope="col">Severity</th>
                    <th scope="col">Alert</th>
                    <th scope="col">Status</th>
                    <th scope="col">TLP</th>
                    <th scope="col">First seen</th>
                  </tr>
                </thead>
                <tbody>
                  {detail.alerts.map((a) => (
                    <tr key={a.id}>
                      <td><SeverityBadge severity={a.severity} /></td>
                      <td><Link href={`/alerts/${a.id}`}>{a.title}</Link></td>
                      <td><StatusBadge status={a.status} /></td>
                      <td><TlpBadge tlp={a.tlp} /></td>
                      <td className="nowrap"><time dateTime={a.firstSeenAt.toISOString()}>{formatDateTime(a.firstSeenAt)}</time></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section className="card" aria-labelledby="case-timeline-h">
            <h2 id="case-timeline-h">Timeline</h2>
            {detail.timeline.length === 0 ? (
              <p className="muted">No timeline events you can see yet.</p>
            ) : (
              <ol className="timeline-list">
                {detail.timeline.map((e) => (
                  <li key={e.id}>
                    <time dateTime={e.occurredAt.toISOString()}>{when(e)}</time>
                    <div>
                      {e.alertId ? <Link href={`/alerts/${e.alertId}`}>{e.title}</Link> : <strong>{e.title}</strong>} <TlpBadge tlp={e.tlp} />
                    </div>
                    {e.source ? <div className="muted">{e.source}</div> : null}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>

        <div className="stack">
          <section className="card" aria-labelledby="case-people-h">
            <h2 id="case-people-h">People</h2>
            <dl className="dl-grid">
              <dt>Owner</dt>
              <dd>{detail.owner?.name ?? <span className="muted">Nobody</span>}</dd>
              <dt>Members</dt>
              <dd>{detail.members.length ? detail.members.map((m) => m.name).join(", ") : <span className="muted">None named</span>}</dd>
              <dt>Opened</dt>
              <dd>{formatDateTime(detail.createdAt)}</dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="case-entities-h">
            <h2 id="case-entities-h">Entities</h2>
            {detail.entities.length === 0 ? (
              <p className="muted">No linked entities.</p>
            ) : (
              <ul className="entity-list">
                {detail.entities.map((e) => (
                  <li key={e.id}><strong>{e.name}</strong> <span className="muted">{humanise(e.kind)}</span></li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
