import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS, can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const viewer = await requireViewer();
  const roleLabel = ROLE_LABELS[viewer.role];

  return (
    <div className="page">
      <PageHeader
        title="Overview"
        description={
          <>
            {viewer.organisationName} · signed in as {roleLabel.toLowerCase()}
          </>
        }
        actions={
          <Link href="/alerts" className="btn btn-primary">
            Open Alerts inbox
          </Link>
        }
      />

      <p className="lead">
        Welcome, {viewer.name}. You are working in <strong>{viewer.organisationName}</strong> as{" "}
        <strong>{roleLabel}</strong>.
      </p>

      <section className="card coming-soon">
        <p className="coming-soon-tag">Coming in a later release</p>
        <h2 className="coming-soon-title">Dashboard</h2>
        <p className="coming-soon-text">
          Open alerts by severity, time to triage, active cases and upcoming ballot windows will
          appear here. Until then, start from the Alerts inbox.
        </p>
      </section>

      <section className="stack" aria-labelledby="start-here">
        <h2 id="start-here">Start here</h2>
        <ul className="link-list">
          <li>
            <Link href="/alerts">Alerts inbox</Link>
            <span className="muted"> — triage advisories, incidents, vetting and ballot alerts</span>
          </li>
          <li>
            <Link href="/cases">Cases</Link>
            <span className="muted"> — shared case workspaces and incident timelines</span>
          </li>
          {can(viewer, "vetting:read") ? (
            <li>
              <Link href="/vetting">Vetting</Link>
              <span className="muted"> — screening of candidates, donors and staff</span>
            </li>
          ) : null}
          <li>
            <Link href="/advisories">Advisories</Link>
            <span className="muted"> — NCSC guidance and the actions it asks for</span>
          </li>
        </ul>
      </section>
    </div>
  );
}
