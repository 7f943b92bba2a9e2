import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { listMemberCandidates } from "@/lib/cases/data/members";
import { getCaseSharing } from "@/lib/cases/data/share";
import { visibleTlps } from "@/lib/cases/rules";
import { formatDateTime, humanise } from "@/lib/format";
import { SeverityBadge, StatusBadge, TlpBadge } from "@/components/ui/badges";
import { CaseStatusBadge } from "../case-status-badge";
import { EditCaseForm } from "./edit-case-form";
import { loadCase } from "./load-case";
import { MembersPanel } from "./members-panel";
import { SharePanel } from "./share-panel";
import { StatusPanel } from "./status-panel";

type Params = Promise<{ caseId: string }>;

/** The Overview tab: the case at a glance, and for its own organisation's writers, the controls. */
export default async function CaseOverviewPage({ params }: { params: Params }) {
  const viewer = await requireViewer();
  const detail = await loadCase((await params).caseId);
  const canWrite = detail.ownOrganisation && can(viewer, "case:write");
  const editable = canWrite && detail.status !== "CLOSED";
  const [candidates, sharing] = await Promise.all([
    editable ? listMemberCandidates(viewer, detail.id) : Promise.resolve(null),
    detail.ownOrganisation ? getCaseSharing(viewer, detail.id) : Promise.resolve(null),
  ]);
  const tlps = visibleTlps(viewer.clearance, { ownOrganisation: true, member: detail.member });

  return (
    <div className="detail-grid">
      <div className="stack">
        <section className="card" aria-labelledby="case-summary-h">
          <h2 id="case-summary-h">Summary</h2>
          <p className="prewrap">{detail.summary || <span className="muted">No summary yet.</span>}</p>
          {detail.status === "CLOSED" && detail.resolution ? (
            <>
              <h3>Resolution</h3>
              <p className="prewrap">{detail.resolution}</p>
            </>
          ) : null}
        </section>

        <section className="card" aria-labelledby="case-facts-h">
          <h2 id="case-facts-h">Details</h2>
          <dl className="dl-grid">
            <dt>Status</dt>
            <dd><CaseStatusBadge status={detail.status} /></dd>
            <dt>Severity</dt>
            <dd><SeverityBadge severity={detail.severity} /></dd>
            <dt>TLP</dt>
            <dd><TlpBadge tlp={detail.tlp} /></dd>
            <dt>Owner</dt>
            <dd>{detail.owner?.name ?? <span className="muted">Nobody</span>}</dd>
            <dt>Tags</dt>
            <dd>
              {detail.tags.length ? (
                <span className="row">
                  {detail.tags.map((t) => <Link key={t} href={`/cases?tag=${encodeURIComponent(t)}`} className="chip">{t}</Link>)}
                </span>
              ) : (
                <span className="muted">None</span>
              )}
            </dd>
            <dt>Opened</dt>
            <dd>{formatDateTime(detail.createdAt)}</dd>
            <dt>Updated</dt>
            <dd>{formatDateTime(detail.updatedAt)}</dd>
            {detail.closedAt ? (
              <>
                <dt>Closed</dt>
                <dd>{formatDateTime(detail.closedAt)}</dd>
              </>
            ) : null}
          </dl>
        </section>

        <section className="card" aria-labelledby="case-alerts-h">
          <h2 id="case-alerts-h">Linked alerts</h2>
          {detail.alerts.length === 0 ? (
            <p className="muted">No alerts you can see are linked to this case.</p>
          ) : (
            <div className="table-scroll">
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
            </div>
          )}
        </section>

        {canWrite && editable ? <EditCaseForm kase={detail} tlps={tlps} /> : null}
      </div>

      <div className="stack">
        {canWrite ? <StatusPanel kase={detail} canClose={can(viewer, "case:close")} /> : null}
        <MembersPanel
          caseId={detail.id}
          ownerId={detail.owner?.id ?? null}
          members={detail.members}
          candidates={candidates}
        />
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
        {sharing ? <SharePanel caseId={detail.id} tlp={detail.tlp} sharing={sharing} canShare={can(viewer, "case:share")} /> : null}
      </div>
    </div>
  );
}
