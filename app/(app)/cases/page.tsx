import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { listCaseOwnerOptions, listCases } from "@/lib/cases/data/list";
import { parseCaseListQuery, type CaseListQuery } from "@/lib/cases/schema";
import { CASE_STATUS_LABELS, CASE_STATUS_ORDER } from "@/lib/cases/status-rules";
import { formatDateTime } from "@/lib/format";
import { SeverityBadge, TlpBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CaseFilters } from "./case-filters";
import { CaseStatusBadge } from "./case-status-badge";

export const metadata: Metadata = { title: "Cases" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function href(query: CaseListQuery, changes: Partial<CaseListQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...changes })) if (value) params.set(key, String(value));
  const qs = params.toString();
  return qs ? `/cases?${qs}` : "/cases";
}

export default async function CasesPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const { query, ignored } = parseCaseListQuery(await searchParams);
  const [page, owners] = await Promise.all([listCases(viewer, query), listCaseOwnerOptions(viewer)]);
  const filtered = Object.entries(query).some(([key, value]) => key !== "after" && !!value);

  return (
    <div className="page">
      <PageHeader
        title="Cases"
        description="Investigations grown from alerts, and cases other organisations share with yours."
        actions={can(viewer, "case:write") ? <Link href="/cases/new" className="btn btn-primary">New case</Link> : null}
      />
      {ignored.length > 0 && (
        <p role="alert" className="error-text">Ignored parameters that are not valid in this link: {ignored.join(", ")}.</p>
      )}
      <CaseFilters query={query} owners={owners} />
      <nav aria-label="Cases by status" className="row">
        {CASE_STATUS_ORDER.map((s) => (
          <Link key={s} href={href(query, { status: query.status === s ? undefined : s, after: undefined })} className="chip" aria-current={query.status === s ? "true" : undefined}>
            {CASE_STATUS_LABELS[s]} <span className="muted">{page.counts[s]}</span>
          </Link>
        ))}
      </nav>
      <p className="muted" aria-live="polite">
        {page.total === 1 ? "1 case" : `${page.total} cases`}
        {filtered ? " match these filters" : ""}.
      </p>
      {page.rows.length === 0 ? (
        <EmptyState title={filtered ? "No cases match these filters" : "No cases yet"}>
          {filtered ? (
            <Link href="/cases">Clear the filters</Link>
          ) : can(viewer, "case:write") ? (
            <Link href="/cases/new">Open the first case</Link>
          ) : (
            "Cases opened by your organisation, or shared with it, appear here."
          )}
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-label="Cases">
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Case</th>
                <th scope="col">Status</th>
                <th scope="col">TLP</th>
                <th scope="col">Owner</th>
                <th scope="col">Tags</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((c) => (
                <tr key={c.id}>
                  <td><SeverityBadge severity={c.severity} /></td>
                  <td className="title-cell">
                    <Link href={`/cases/${c.id}`}>{c.title}</Link>
                    {c.sharedBy ? <div className="muted">from {c.sharedBy}</div> : null}
                  </td>
                  <td><CaseStatusBadge status={c.status} /></td>
                  <td><TlpBadge tlp={c.tlp} /></td>
                  <td>{c.owner ?? <span className="muted">—</span>}</td>
                  <td>
                    {c.tags.length ? (
                      <span className="row">
                        {c.tags.map((t) => <Link key={t} href={href(query, { tag: t, after: undefined })} className="chip">{t}</Link>)}
                      </span>
                    ) : null}
                  </td>
                  <td className="nowrap"><time dateTime={c.updatedAt.toISOString()}>{formatDateTime(c.updatedAt)}</time></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pagination" aria-label="Pages">
        {query.after ? <Link href={href(query, { after: undefined })}>← Newest</Link> : <span className="muted">← Newest</span>}
        {page.nextCursor ? (
          <Link href={href(query, { after: page.nextCursor })} rel="next">Older →</Link>
        ) : (
          <span className="muted">Older →</span>
        )}
      </nav>
    </div>
  );
}
