import type { AlertKind, AlertStatus, CaseStatus, Severity, TaskStatus, Tlp } from "@/lib/db/generated/enums";

// The overview dashboard's view models: plain data, safe to pass to client chart components and
// to freeze into briefing snapshots (hence strings for days, not Dates). Pure: no imports that
// touch the database.

export const ALERT_KINDS = ["ADVISORY", "INCIDENT", "VETTING", "BALLOT"] as const satisfies readonly AlertKind[];
export const SEVERITIES = ["INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"] as const satisfies readonly Severity[];
/** Case statuses that count as open on the dashboard (everything but CLOSED). */
export const OPEN_CASE_STATUSES = ["OPEN", "INVESTIGATING", "CONTAINED"] as const satisfies readonly CaseStatus[];
/** Alert statuses that count as open (awaiting the team): the same as the inbox header. */
export const OPEN_ALERT_STATUSES = ["NEW", "ACKNOWLEDGED", "TRIAGED"] as const satisfies readonly AlertStatus[];

/** Alerts that arrived on one UK calendar day ("yyyy-mm-dd"), by kind. */
export type AlertsPerDayRow = { day: string } & Record<AlertKind, number>;

export interface SeverityCountRow {
  severity: Severity;
  count: number;
}

/** One ISO week (Monday, UK time); medians in milliseconds, null when nothing was measured. */
export interface TriageWeekRow {
  /** The Monday starting the week, "yyyy-mm-dd". */
  week: string;
  medianAcknowledgeMs: number | null;
  acknowledged: number;
  medianTriageMs: number | null;
  triaged: number;
}

/** Open cases with one status, by severity. */
export type CaseStatusRow = { status: CaseStatus; total: number } & Record<Severity, number>;

export interface OverdueTaskRow {
  id: string;
  title: string;
  status: TaskStatus;
  /** UK calendar day the task was due, "yyyy-mm-dd". */
  dueDate: string;
  caseId: string;
  caseTitle: string;
  assignee: string | null;
}

export interface OverdueTasks {
  count: number;
  /** The ten most overdue. */
  rows: OverdueTaskRow[];
}

export interface HighSeverityAlertRow {
  id: string;
  title: string;
  kind: AlertKind;
  severity: Severity;
  tlp: Tlp;
  status: AlertStatus;
  createdAt: Date;
}

export interface ChangedCaseRow {
  id: string;
  title: string;
  status: CaseStatus;
  severity: Severity;
  tlp: Tlp;
  updatedAt: Date;
}

export interface CasesChangedToday {
  count: number;
  rows: ChangedCaseRow[];
}
