import type { Metadata } from "next";
import Link from "next/link";
import { countOpenAlerts, listAlerts, listAssignableUsers } from "@/lib/alerts/data/list";
import { parseAlertListQuery, type AlertListQuery } from "@/lib/alerts/schema";
import { requireViewer } from "@/lib/auth/viewer";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { InboxFilters } from "./inbox-filters";
import { InboxTable } from "./inbox-table";

export const metadata: Metadata = { title: "Alerts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Keeps the current filters and swaps the page cursor. */
function pageHref(query: AlertListQuery, cursor: { after?: string; before?: string }): string {
  const params = new URLSearchParams();
  for (const key of ["kind", "severity", "status", "tlp"] as const) for (const v of query[key] ?? []) params.append(key, v);
  if (query.assignee) params.set("assignee", query.assignee);
  if (query.q) params.set("q", query.q);
  if (cursor.after) params.set("after", cursor.after);
  if (cursor.before) params.set("before", cursor.before);
  return `/alerts?${params.toString()}`;
}

export default async function AlertsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const { query, ignored } = parseAlertListQuery(await searchParams);
  const [page, counts, assignees] = await Promise.all([
    listAlerts(viewer, query),
    countOpenAlerts(viewer),
    listAssignableUsers(viewer),
  ]);
  const filtered = !!(query.kind || query.severity || query.status || query.tlp || query.assignee || query.q);

  return (
    <div className="page">
      <PageHeader
        title="Alerts"
        description={`${counts.open} open · ${counts.bySeverity.CRITICAL} critical · ${counts.bySeverity.HIGH} high · ${counts.bySeverity.MEDIUM} medium · ${counts.bySeverity.LOW} low · ${counts.bySeverity.INFO} info`}
      />
      {ignored.length > 0 && (
        <p role="alert" className="error-text">
          Ignored parameters that are not valid in this link: {ignored.join(", ")}.
        </p>
      )}
      <InboxFilters query={query} assignees={assignees} />
      <p className="muted" aria-live="polite">
        {page.total === 1 ? "1 alert" : `${page.total.toLocaleString("en-GB")} alerts`}
        {filtered ? " match these filters" : ""}
      </p>
      {page.rows.length === 0 ? (
        <EmptyState title={filtered ? "No alerts match these filters" : "No alerts yet"}>
          {filtered ? <Link href="/alerts">Clear the filters</Link> : "New alerts appear here as they arrive."}
        </EmptyState>
      ) : (
        <InboxTable rows={page.rows} />
      )}
      <nav className="pagination" aria-label="Pages">
        {page.prevCursor ? <Link href={pageHref(query, { before: page.prevCursor })} rel="prev">← Newer</Link> : <span className="muted">← Newer</span>}
        {page.nextCursor ? <Link href={pageHref(query, { after: page.nextCursor })} rel="next">Older →</Link> : <span className="muted">Older →</span>}
      </nav>
    </div>
  );
}
