import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getAlert, type AlertDetail } from "@/lib/alerts/data/detail";
import { listAssignableUsers } from "@/lib/alerts/data/list";
import { listSimilarAlerts } from "@/lib/alerts/data/similar";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { formatDuration, timeToAcknowledge, timeToTriage } from "@/lib/alerts/metrics";
import { formatDateTime, humanise } from "@/lib/format";
import { NotFoundError } from "@/lib/http/errors";
import { KindBadge, SeverityBadge, StatusBadge, TlpBadge } from "@/components/ui/badges";
import { PageHeader } from "@/components/ui/page-header";
import { AlertHistory } from "./alert-history";
import { PromoteButton } from "./promote-button";
import { SimilarAlerts } from "./similar-alerts";
import { TriagePanel } from "./triage-panel";

type Params = Promise<{ alertId: string }>;

async function load(alertId: string): Promise<AlertDetail> {
  const viewer = await requireViewer();
  if (!z.uuid().safeParse(alertId).success) notFound();
  try {
    return await getAlert(viewer, alertId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const alert = await load((await params).alertId);
  return { title: alert.title };
}

export default async function AlertPage({ params }: { params: Params }) {
  const viewer = await requireViewer();
  const alert = await load((await params).alertId);
  const canTriage = can(viewer, "alert:triage");
  const [assignees, similar] = await Promise.all([
    canTriage ? listAssignableUsers(viewer) : [],
    listSimilarAlerts(viewer, alert.id),
  ]);
  // Only alerts not yet in a case or merged away can be promoted.
  const canPromote = canTriage && can(viewer, "case:write") && !alert.case && alert.status !== "ESCALATED" && alert.status !== "MERGED";

  return (
    <div className="page">
      <p><Link href="/alerts">← Alerts</Link></p>
      <PageHeader
        title={alert.title}
        description={
          <span className="row">
            <SeverityBadge severity={alert.severity} /> <KindBadge kind={alert.kind} /> <StatusBadge status={alert.status} />{" "}
            <TlpBadge tlp={alert.tlp} />
          </span>
        }
        actions={canPromote ? <PromoteButton alert={{ id: alert.id, title: alert.title }} /> : null}
      />
      <div className="detail-grid">
        <div className="stack">
          <section className="card" aria-labelledby="summary-h">
            <h2 id="summary-h">Summary</h2>
            {/* Plain text only: alert content comes from outside systems and is never HTML. */}
            <p className="prewrap">{alert.summary || <span className="muted">No summary.</span>}</p>
          </section>
          <section className="card" aria-labelledby="facts-h">
            <h2 id="facts-h">Details</h2>
            <dl className="dl-grid">
              <dt>Source</dt><dd>{alert.source}{alert.sourceRef ? <span className="muted"> · {alert.sourceRef}</span> : null}</dd>
              <dt>Assignee</dt><dd>{alert.assignee?.name ?? <span className="muted">Unassigned</span>}</dd>
              <dt>First seen</dt><dd>{formatDateTime(alert.firstSeenAt)}</dd>
              <dt>Last seen</dt><dd>{formatDateTime(alert.lastSeenAt)} {alert.occurrences > 1 ? <span className="muted">({alert.occurrences} occurrences)</span> : null}</dd>
              <dt>Acknowledged</dt>
              <dd>{alert.acknowledgedAt ? <>{formatDateTime(alert.acknowledgedAt)} <span className="muted">({formatDuration(timeToAcknowledge(alert)!)} after arrival)</span></> : <span className="muted">Not yet</span>}</dd>
              <dt>Triaged</dt>
              <dd>{alert.triagedAt ? <>{formatDateTime(alert.triagedAt)} <span className="muted">({formatDuration(timeToTriage(alert)!)} after arrival)</span></> : <span className="muted">Not yet</span>}</dd>
              {alert.statusReason ? (<><dt>Status reason</dt><dd className="prewrap">{alert.statusReason}</dd></>) : null}
              {alert.case ? (<><dt>Case</dt><dd><Link href={`/cases/${alert.case.id}`}>{alert.case.title}</Link></dd></>) : null}
            </dl>
          </section>
          <section className="card" aria-labelledby="entities-h">
            <h2 id="entities-h">Linked entities</h2>
            {alert.entities.length === 0 ? (
              <p className="muted">No linked entities.</p>
            ) : (
              <ul className="entity-list">
                {alert.entities.map((e) => (
                  <li key={e.id}>
                    <strong>{e.name}</strong> <span className="muted">{humanise(e.kind)}</span>
                    {e.externalIds.map((x) => (
                      <span key={`${x.system}:${x.value}`} className="chip">{x.system} {x.value}</span>
                    ))}
                    {e.aliases.length ? <div className="muted">Also known as {e.aliases.join(", ")}</div> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <SimilarAlerts alerts={similar} hasEntities={alert.entities.length > 0} />
        </div>
        <div className="stack">
          {canTriage ? (
            <TriagePanel
              alert={{ id: alert.id, version: alert.version, status: alert.status, assigneeId: alert.assignee?.id ?? null }}
              assignees={assignees.map((a) => ({ id: a.id, name: a.name }))}
              viewerId={viewer.userId}
              canAssignOthers={can(viewer, "alert:assign-others")}
            />
          ) : (
            <p className="card muted">Your role can read alerts but not change them.</p>
          )}
          <AlertHistory history={alert.history} />
        </div>
      </div>
    </div>
  );
}
