import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { DAY_RANGES, parseDayRange } from "@/lib/dashboard/ranges";
import { AlertsPerDayPanel, CaseStatusPanel, SeverityPanel, TriageTimesPanel } from "./_overview/chart-panels";
import { CasesChangedTodayPanel, HighSeverityAlertsPanel, OverdueTasksPanel } from "./_overview/list-panels";
import { OverviewPanel } from "./_overview/panel";
import styles from "./_overview/overview.module.css";

export const metadata: Metadata = { title: "Overview" };

// Each panel is an async server component behind its own Suspense and error boundary: they load
// in parallel, stream in as they finish, and one failing leaves the others standing.
export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [viewer, params] = await Promise.all([requireViewer(), searchParams]);
  const range = parseDayRange(params.range);

  const rangeToggle = (
    <ul className={styles.toggle} aria-label="Period">
      {DAY_RANGES.map((days) => (
        <li key={days}>
          <Link href={days === 30 ? "/" : `/?range=${days}`} aria-current={days === range ? "true" : undefined} scroll={false}>
            {days} days
          </Link>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="page">
      <PageHeader
        title="Overview"
        description={<>{viewer.organisationName} · signed in as {ROLE_LABELS[viewer.role].toLowerCase()} · days and weeks in UK time</>}
        actions={<Link href="/alerts" className="btn btn-primary">Open Alerts inbox</Link>}
      />
      <div className={styles.grid}>
        <OverviewPanel id="panel-per-day" title={`Alerts per day by kind, last ${range} days`} actions={rangeToggle} wide>
          <AlertsPerDayPanel key={range} range={range} />
        </OverviewPanel>
        <OverviewPanel id="panel-severity" title="Open alerts by severity">
          <SeverityPanel />
        </OverviewPanel>
        <OverviewPanel id="panel-high" title="Newest open high and critical alerts">
          <HighSeverityAlertsPanel />
        </OverviewPanel>
        <OverviewPanel id="panel-triage" title="Median time to acknowledge and to triage, per week">
          <TriageTimesPanel />
        </OverviewPanel>
        <OverviewPanel id="panel-cases" title="Open cases by status and severity">
          <CaseStatusPanel />
        </OverviewPanel>
        <OverviewPanel id="panel-overdue" title="Overdue tasks">
          <OverdueTasksPanel />
        </OverviewPanel>
        <OverviewPanel id="panel-changed" title="Cases changed today">
          <CasesChangedTodayPanel />
        </OverviewPanel>
      </div>
    </div>
  );
}
