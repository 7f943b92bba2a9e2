import { AlertsPerDayChart } from "@/components/charts/alerts-per-day-chart";
import { CaseStatusChart } from "@/components/charts/case-status-chart";
import { SeverityChart } from "@/components/charts/severity-chart";
import { TriageTimesChart } from "@/components/charts/triage-times-chart";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { alertsPerDayForLastDays, openAlertsBySeverity, triageTimesPerWeek } from "@/lib/dashboard/data/alerts";
import { openCasesByStatusAndSeverity } from "@/lib/dashboard/data/cases";
import type { DayRange } from "@/lib/dashboard/ranges";
import { ALERT_KINDS } from "@/lib/dashboard/types";

// The overview's chart panels: each an async server component that loads its own data.

export async function AlertsPerDayPanel({ range }: { range: DayRange }) {
  const viewer = await requireViewer();
  const rows = await alertsPerDayForLastDays(viewer, range);
  const kinds = can(viewer, "vetting:read") ? ALERT_KINDS : ALERT_KINDS.filter((k) => k !== "VETTING");
  if (rows.every((r) => kinds.every((k) => r[k] === 0))) {
    return <EmptyState title={`No alerts in the last ${range} days`}>New alerts will be counted here by day and kind.</EmptyState>;
  }
  return <AlertsPerDayChart rows={rows} kinds={kinds} drillDownHref="/alerts" height={260} />;
}

export async function SeverityPanel() {
  const viewer = await requireViewer();
  const rows = await openAlertsBySeverity(viewer);
  if (rows.every((r) => r.count === 0)) {
    return <EmptyState title="No open alerts">Nothing is waiting for acknowledgement or triage.</EmptyState>;
  }
  return <SeverityChart rows={rows} drillDownHref="/alerts" height={200} />;
}

export async function TriageTimesPanel() {
  const viewer = await requireViewer();
  const rows = await triageTimesPerWeek(viewer, { weeks: 12 });
  if (rows.every((r) => r.acknowledged === 0 && r.triaged === 0)) {
    return <EmptyState title="No triage in the last 12 weeks">Times appear once alerts are acknowledged or triaged.</EmptyState>;
  }
  return <TriageTimesChart rows={rows} height={220} />;
}

export async function CaseStatusPanel() {
  const viewer = await requireViewer();
  const rows = await openCasesByStatusAndSeverity(viewer);
  if (rows.every((r) => r.total === 0)) {
    return <EmptyState title="No open cases">Cases promoted from alerts will be counted here.</EmptyState>;
  }
  return <CaseStatusChart rows={rows} drillDownHref="/cases" height={180} />;
}
