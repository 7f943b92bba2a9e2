import { londonDate, startOfLondonDate } from "@/lib/alerts/london-time";

// Date ranges for the overview, in UK calendar days. Pure: no database access.

export const DAY_RANGES = [30, 90] as const;
export type DayRange = (typeof DAY_RANGES)[number];

/** The `?range=` URL parameter: 90 when asked for, otherwise the default 30. */
export function parseDayRange(value: string | string[] | undefined): DayRange {
  const v = Array.isArray(value) ? value[0] : value;
  return v === "90" ? 90 : 30;
}

/** "yyyy-mm-dd" plus n calendar days (n may be negative). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The last `days` UK calendar days ending with today: from the start of the first to now. */
export function lastDays(days: number, now: Date = new Date()): { from: Date; to: Date } {
  return { from: startOfLondonDate(addDays(londonDate(now), -(days - 1))), to: now };
}

/**
 * The UK days a range covers, both ends inclusive, and the half-open instants [start, end)
 * between which alerts count: from the start of `from`'s UK day to the start of the day after
 * `to`'s.
 */
export function ukDaySpan(range: { from: Date; to: Date }): { firstDay: string; lastDay: string; start: Date; end: Date } {
  const firstDay = londonDate(range.from);
  const lastDay = londonDate(range.to);
  return { firstDay, lastDay, start: startOfLondonDate(firstDay), end: startOfLondonDate(addDays(lastDay, 1)) };
}

/** The Monday ("yyyy-mm-dd") of the UK ISO week containing `instant`. */
export function mondayOf(instant: Date): string {
  const day = londonDate(instant);
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const sinceMonday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(day, -sinceMonday);
}

/** The last `weeks` UK ISO weeks up to and including the current one. */
export function lastWeeks(weeks: number, now: Date = new Date()): { firstMonday: string; lastMonday: string; start: Date; end: Date } {
  const lastMonday = mondayOf(now);
  const firstMonday = addDays(lastMonday, -7 * (weeks - 1));
  return { firstMonday, lastMonday, start: startOfLondonDate(firstMonday), end: startOfLondonDate(addDays(lastMonday, 7)) };
}

/** Start of today in the UK. */
export function startOfLondonToday(now: Date = new Date()): Date {
  return startOfLondonDate(londonDate(now));
}
