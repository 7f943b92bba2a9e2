import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { listBriefings, type BriefingRow } from "@/lib/briefings/data/drafts";
import { formatDateTime } from "@/lib/format";
import { TlpBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Briefings" };

function BriefingTable({ rows, own, caption }: { rows: BriefingRow[]; own: boolean; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">TLP</th>
            <th scope="col">{own ? "Audience" : "From"}</th>
            <th scope="col">Status</th>
            <th scope="col">Published</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.id}>
              <td>
                <Link href={own ? `/briefings/${b.id}` : `/briefings/${b.id}/read`}>{b.title}</Link>
              </td>
              <td><TlpBadge tlp={b.tlp} /></td>
              <td>{own ? (b.audience ?? "Internal") : b.organisation}</td>
              <td>{b.status === "PUBLISHED" ? `Published (v${b.latestVersion ?? 1})` : "Draft"}</td>
              <td>{b.publishedAt ? formatDateTime(b.publishedAt) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function BriefingsPage() {
  const viewer = await requireViewer();
  const { own, addressedToYou } = await listBriefings(viewer);
  const writer = can(viewer, "briefing:write");

  return (
    <div className="page">
      <PageHeader
        title="Briefings"
        description="Briefings for leadership and the task force, built from cases, timelines, charts and alerts."
        actions={writer ? <Link className="btn btn-primary" href="/briefings/new">New briefing</Link> : null}
      />
      {addressedToYou.length > 0 ? (
        <section className="stack" aria-labelledby="addressed-heading">
          <h2 id="addressed-heading">Addressed to you</h2>
          <BriefingTable rows={addressedToYou} own={false} caption="Published briefings addressed to your organisation" />
        </section>
      ) : null}
      <section className="stack" aria-labelledby="own-heading">
        <h2 id="own-heading">{viewer.organisationName}</h2>
        {own.length ? (
          <BriefingTable rows={own} own caption="Your organisation's briefings" />
        ) : (
          <EmptyState title="No briefings yet">
            {writer ? <Link href="/briefings/new">Start a briefing</Link> : "Security leads write briefings; they will appear here."}
          </EmptyState>
        )}
      </section>
    </div>
  );
}
