import type { TimePrecision } from "@/lib/db/generated/enums";
import { eventInterval, formatEventDate, formatGroupLabel, isCoarse, londonParts } from "./dates";

// The shape of a case timeline on screen: events in order, under year/month/day headings, with
// explicit gap markers where nothing is known for a long while, plus the derived metrics (dwell
// time, time to disclose). Pure: plain data in, plain data out.

export type Grouping = "YEAR" | "MONTH" | "DAY";
export const GROUPINGS: readonly Grouping[] = ["YEAR", "MONTH", "DAY"];

/** What layout needs of an event; anything else is carried through untouched. */
export interface LayoutEvent {
  id: string;
  occurredAt: Date;
  precision: TimePrecision;
  tags: readonly string[];
}

export type TimelineItem<E extends LayoutEvent> =
  | { kind: "group"; key: string; label: string; unit: Grouping }
  | { kind: "gap"; key: string; days: number; label: string }
  | { kind: "event"; key: string; event: E; dateLabel: string };

export interface LayoutOptions {
  /** Heading unit; chosen from the span of the events when absent. */
  grouping?: Grouping;
  /** A gap marker goes between consecutive events more than this many days apart (default 30). */
  gapDays?: number;
}

export interface TimelineLayout<E extends LayoutEvent> {
  grouping: Grouping;
  items: TimelineItem<E>[];
}

const DAY_MS = 86_400_000;
const MONTH_DAYS = 30.4375;

/** Oldest first; on the same instant the coarser date first (a "2021" event leads 2021), then id. */
export function sortEvents<E extends LayoutEvent>(events: readonly E[]): E[] {
  const rank: Record<TimePrecision, number> = { YEAR: 0, MONTH: 1, DAY: 2, MINUTE: 3 };
  return [...events].sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || rank[a.precision] - rank[b.precision] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Days for a span of a week or two, months within three years, years beyond. */
export function chooseGrouping(events: readonly LayoutEvent[]): Grouping {
  if (events.length < 2) return "DAY";
  let min = Infinity;
  let max = -Infinity;
  for (const e of events) {
    min = Math.min(min, e.occurredAt.getTime());
    max = Math.max(max, e.occurredAt.getTime());
  }
  const days = (max - min) / DAY_MS;
  if (days <= 31) return "DAY";
  if (days <= 3 * 365) return "MONTH";
  return "YEAR";
}

const UNIT_RANK: Record<Grouping, number> = { YEAR: 0, MONTH: 1, DAY: 2 };

/** An event never sits under a heading more precise than its own date ("2021" heads a YEAR event). */
function headingUnit(grouping: Grouping, precision: TimePrecision): Grouping {
  const own: Grouping = precision === "YEAR" ? "YEAR" : precision === "MONTH" ? "MONTH" : "DAY";
  return UNIT_RANK[own] < UNIT_RANK[grouping] ? own : grouping;
}

function groupKey(at: Date, unit: Grouping): string {
  const p = londonParts(at);
  if (unit === "YEAR") return `${p.year}`;
  if (unit === "MONTH") return `${p.year}-${String(p.month).padStart(2, "0")}`;
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "3 days", "5 weeks", "14 months", "2 years, 3 months". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return plural(Math.max(0, minutes), "minute");
  const hours = Math.round(ms / 3_600_000);
  if (hours < 48) return plural(hours, "hour");
  const days = Math.round(ms / DAY_MS);
  if (days < 14) return plural(days, "day");
  if (days < 61) return plural(Math.round(days / 7), "week");
  const months = Math.round(days / MONTH_DAYS);
  if (months < 24) return plural(months, "month");
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest ? `${plural(years, "year")}, ${plural(rest, "month")}` : plural(years, "year");
}

/**
 * Events in order under headings, with gap markers. The gap between two events runs from the end
 * of what is known about the first to the start of the second, so "Oct 2022" → "8 Aug 2023" is
 * measured from 1 Nov 2022; it is called "about" when either end is only a month or a year.
 */
export function layoutTimeline<E extends LayoutEvent>(events: readonly E[], options: LayoutOptions = {}): TimelineLayout<E> {
  const sorted = sortEvents(events);
  const grouping = options.grouping ?? chooseGrouping(sorted);
  const gapDays = options.gapDays ?? 30;
  const items: TimelineItem<E>[] = [];
  let lastGroup: string | null = null;
  let previous: E | null = null;
  for (const event of sorted) {
    if (previous) {
      const { end } = eventInterval(previous.occurredAt, previous.precision);
      const gapMs = event.occurredAt.getTime() - Math.max(end, previous.occurredAt.getTime());
      const days = Math.floor(gapMs / DAY_MS);
      if (days > gapDays) {
        const approx = isCoarse(previous.precision) || isCoarse(event.precision);
        items.push({ kind: "gap", key: `gap-${event.id}`, days, label: `${approx ? "about " : ""}${formatDuration(gapMs)} later` });
      }
    }
    const unit = headingUnit(grouping, event.precision);
    const key = `${unit}:${groupKey(event.occurredAt, unit)}`;
    if (key !== lastGroup) {
      items.push({ kind: "group", key, label: formatGroupLabel(event.occurredAt, unit), unit });
      lastGroup = key;
    }
    items.push({ kind: "event", key: event.id, event, dateLabel: formatEventDate(event.occurredAt, event.precision) });
    previous = event;
  }
  return { grouping, items };
}

// ---- Metrics ----

export const METRIC_TAGS = {
  firstAccess: "first-access",
  detection: "detection",
  disclosure: "disclosure",
  containment: "containment",
  attribution: "attribution",
} as const;

export interface IntervalMetric {
  fromId: string;
  toId: string;
  /** Best estimate: start to start when both dates are to the day or minute, else midpoint to midpoint. */
  approxMs: number;
  /** Bounds given the precision of both ends (equal to approxMs when exact). */
  minMs: number;
  maxMs: number;
  /** False when either end is known only to the month or year. */
  exact: boolean;
  /** "about 14 months" or "14 months". */
  label: string;
  /** "between 13 and 14 months" or "423 days". */
  detail: string;
  /** The two ends as the gutter shows them: "24 Aug 2021", "Oct 2022". */
  fromLabel: string;
  toLabel: string;
}

export interface TimelineMetrics {
  /** First access → detection: how long the intruder went unseen. */
  dwellTime: IntervalMetric | null;
  /** Detection → disclosure. */
  timeToDisclose: IntervalMetric | null;
  /** First access → disclosure. */
  exposureToDisclosure: IntervalMetric | null;
}

function earliestTagged<E extends LayoutEvent>(sorted: readonly E[], tag: string): E | null {
  return sorted.find((e) => e.tags.includes(tag)) ?? null;
}

export function measureInterval(from: LayoutEvent, to: LayoutEvent): IntervalMetric {
  const a = eventInterval(from.occurredAt, from.precision);
  const b = eventInterval(to.occurredAt, to.precision);
  const exact = !isCoarse(from.precision) && !isCoarse(to.precision);
  const approxMs = exact ? b.start - a.start : (b.start + b.end) / 2 - (a.start + a.end) / 2;
  const minMs = exact ? approxMs : Math.max(0, b.start - a.end);
  const maxMs = exact ? approxMs : b.end - a.start;
  const words = formatDuration(Math.max(0, approxMs));
  let detail: string;
  if (exact) {
    detail = plural(Math.round(approxMs / DAY_MS), "day");
  } else {
    const low = formatDuration(minMs);
    const high = formatDuration(maxMs);
    detail = low === high ? `${low}, to the ${from.precision === "YEAR" || to.precision === "YEAR" ? "year" : "month"}` : formatRange(low, high);
  }
  return {
    fromId: from.id, toId: to.id, approxMs, minMs, maxMs, exact, label: exact ? words : `about ${words}`, detail,
    fromLabel: formatEventDate(from.occurredAt, from.precision), toLabel: formatEventDate(to.occurredAt, to.precision),
  };
}

/** "13 months" and "14 months" → "13–14 months"; different units → "between 3 weeks and 2 months". */
function formatRange(low: string, high: string): string {
  const a = low.match(/^(\d+) (\w+?)s?$/);
  const b = high.match(/^(\d+) (\w+?)s?$/);
  if (a && b && a[2] === b[2]) return `${a[1]}–${b[1]} ${b[2]}s`;
  return `between ${low} and ${high}`;
}

/** Earliest event tagged first-access / detection / disclosure, and the intervals between them. */
export function timelineMetrics(events: readonly LayoutEvent[]): TimelineMetrics {
  const sorted = sortEvents(events);
  const first = earliestTagged(sorted, METRIC_TAGS.firstAccess);
  const detected = earliestTagged(sorted, METRIC_TAGS.detection);
  const disclosed = earliestTagged(sorted, METRIC_TAGS.disclosure);
  const between = (a: LayoutEvent | null, b: LayoutEvent | null) =>
    a && b && b.occurredAt.getTime() >= a.occurredAt.getTime() ? measureInterval(a, b) : null;
  return {
    dwellTime: between(first, detected),
    timeToDisclose: between(detected, disclosed),
    exposureToDisclosure: between(first, disclosed),
  };
}
