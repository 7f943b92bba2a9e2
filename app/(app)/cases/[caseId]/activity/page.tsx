import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { listCaseActivity, CASE_ACTIVITY_LIMIT } from "@/lib/cases/data/activity";
import { formatDateTime, humanise } from "@/lib/format";
import { EmptyState } from "@/components/ui/empty-state";
import { loadCase } from "../load-case";
import { describeAuditSummary } from "@/lib/cases/activity-summary";

export const metadata: Metadata = { title: "Activity" };

type Params = Promise<{ caseId: string }>;

/** The Activity tab: the case's audit trail, newest first (own organisation only). */
export default async function CaseActivityPage({ params }: { params: Params }) {
  const viewer = await requireViewer();
  const detail = await loadCase((await params).caseId);
  if (!detail.ownOrganisation) notFound();
  const items = await listCaseActivity(viewer, detail.id);

  return (
    <section className="card stack" aria-labelledby="case-activity-h">
      <h2 id="case-activity-h">Activity</h2>
      {items.length === 0 ? (
        <EmptyState title="No activity recorded yet" />
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-label="Case activity">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td className="nowrap"><time dateTime={item.createdAt.toISOString()}>{formatDateTime(item.createdAt)}</time></td>
                  <td>{item.actor}</td>
                  <td>
                    {humanise(item.action.replace(/\./g, " "))}
                    {item.targetType !== "Case" ? <div className="muted">{humanise(item.targetType)}</div> : null}
                  </td>
                  <td>
                    {describeAuditSummary(item.summary).map((line) => <div key={line}>{line}</div>)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {items.length >= CASE_ACTIVITY_LIMIT ? <p className="muted">Showing the latest {CASE_ACTIVITY_LIMIT} events.</p> : null}
    </section>
  );
}
