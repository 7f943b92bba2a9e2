import type { AlertKind, CaseStatus, Severity } from "@/lib/db/generated/enums";
import { OPEN_ALERT_STATUSES } from "./types";

// Drill-down links from dashboard charts to the filtered inbox and case list. Pure.

/** The inbox filtered to one kind on one UK day (`from`/`to` are inclusive UK days). */
export function alertsOnDayHref(base: string, kind: AlertKind, day: string): string {
  return `${base}?${new URLSearchParams({ kind, from: day, to: day }).toString()}`;
}

/** The inbox filtered to open alerts of one severity. */
export function openAlertsBySeverityHref(base: string, severity: Severity): string {
  const params = new URLSearchParams({ severity });
  for (const status of OPEN_ALERT_STATUSES) params.append("status", status);
  return `${base}?${params.toString()}`;
}

/** The case list filtered to one status and, optionally, one severity. */
export function casesHref(base: string, status: CaseStatus, severity?: Severity): string {
  const params = new URLSearchParams({ status });
  if (severity) params.set("severity", severity);
  return `${base}?${params.toString()}`;
}
