// Triage metrics on plain data. Durations are in milliseconds. Pure: no database access.
//
// Time to acknowledge runs from when the alert reached the inbox (createdAt) to its first
// acknowledgement; time to triage, to when it was first triaged or dismissed. The source's own
// first-seen time is not used: the metric measures the team, not the feed's delay.

export interface TriageTimes {
  createdAt: Date;
  acknowledgedAt: Date | null;
  triagedAt: Date | null;
}

/** Time from arrival to acknowledgement, or null if not acknowledged yet. */
export function timeToAcknowledge(alert: TriageTimes): number | null {
  return alert.acknowledgedAt ? Math.max(0, alert.acknowledgedAt.getTime() - alert.createdAt.getTime()) : null;
}

/** Time from arrival to triage (or dismissal), or null if not triaged yet. */
export function timeToTriage(alert: TriageTimes): number | null {
  return alert.triagedAt ? Math.max(0, alert.triagedAt.getTime() - alert.createdAt.getTime()) : null;
}

/**
 * The median, interpolating between the two middle values of an even count — the same as
 * PostgreSQL's percentile_cont(0.5). Null for no values.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** "45 s", "12 min", "1 h 20 min", "2 d 3 h": a duration for a header line. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(Math.max(0, ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest ? `${hours} h ${rest} min` : `${hours} h`;
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours ? `${days} d ${restHours} h` : `${days} d`;
}
