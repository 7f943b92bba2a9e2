import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { listAlertEntities, listAlertSources } from "@/lib/alerts/data/filter-options";
import { listAlerts, listAssignableUsers } from "@/lib/alerts/data/list";
import { listSavedViews } from "@/lib/alerts/data/views";
import { inboxSearchParams, isFiltered, type PageCursor } from "@/lib/alerts/inbox-query";
import { parseAlertListQuery, type AlertListQuery } from "@/lib/alerts/schema";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { InboxFilters } from "./inbox-filters";
import { AlertTotal, TriageSummary } from "./inbox-summary";
import { InboxTable } from "./inbox-table";
import { LiveBanner } from "./live-banner";
import { SavedViews } from "./saved-views";

export const metadata: Metadata = { title: "Alerts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The same view (filters, sort, page size) at another page. */
function pageHref(query: AlertListQuery, cursor: PageCursor): string {
  return `/alerts?${inboxSearchParams(query, cursor).toString()}`;
}

export default async function AlertsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const { query, ignored } = parseAlertListQuery(await searchParams);
  const [page, assignees, sources, entities, views] = await Promise.all([
    listAlerts(viewer, query),
    listAssignableUsers(viewer),
    listAlertSources(viewer),
    listAlertEntities(viewer),
    listSavedViews(viewer),
  ]);
  const filtered = isFiltered(query);
  const viewQuery = inboxSearchParams(query).toString();
  const byDate = query.sort === "newest";

  return (
    <div className="page">
      <PageHeader
        title="Alerts"
        description={
          <Suspense fallback="Counting open alerts…">
            <TriageSummary viewer={viewer} />
          </Suspense>
        }
        actions={
          <a href={viewQuery ? `/alerts/export?${viewQuery}` : "/alerts/export"} className="btn" download>
            Export CSV
          </a>
        }
      />
      <LiveBanner visibleIds={page.rows.map((r) => r.id)} />
      {ignored.length > 0 && (
        <p role="alert" className="error-text">
          Ignored parameters that are not valid in this link: {ignored.join(", ")}.
        </p>
      )}
      <InboxFilters query={query} assignees={assignees} sources={sources} entities={entities} />
      <SavedViews views={views} currentQuery={viewQuery} />
      <p className="muted" aria-live="polite">
        <Suspense fallback="Counting alerts…">
          <AlertTotal viewer={viewer} query={query} filtered={filtered} />
        </Suspense>
      </p>
      <InboxTable
        rows={page.rows}
        assignees={assignees}
        viewerId={viewer.userId}
        canTriage={can(viewer, "alert:triage")}
        canAssignOthers={can(viewer, "alert:assign-others")}
        empty={
          <EmptyState title={filtered ? "No alerts match these filters" : "No alerts yet"}>
            {filtered ? <Link href="/alerts">Clear the filters</Link> : "New alerts appear here as they arrive."}
          </EmptyState>
        }
      />
      <nav className="pagination" aria-label="Pages">
        {page.prevCursor ? (
          <Link href={pageHref(query, { before: page.prevCursor })} rel="prev">{byDate ? "← Newer" : "← Previous"}</Link>
        ) : (
          <span className="muted">{byDate ? "← Newer" : "← Previous"}</span>
        )}
        {page.nextCursor ? (
          <Link href={pageHref(query, { after: page.nextCursor })} rel="next">{byDate ? "Older →" : "Next →"}</Link>
        ) : (
          <span className="muted">{byDate ? "Older →" : "Next →"}</span>
        )}
      </nav>
    </div>
  );
}
