import type { TimePrecision } from "@/lib/db/generated/enums";
import { startOfLondonDay } from "@/lib/alerts/london-time";

// Event dates as people know them: "2021", "Oct 2022", "24 Aug 2021", "24 Aug 2021, 14:05" (UK
// time). An event is stored at the start of what is known (1 Jan, the 1st of the month, midnight
// UK time) with its precision, and shown no more precisely than that. Pure: no I/O.

export const PRECISIONS: readonly TimePrecision[] = ["YEAR", "MONTH", "DAY", "MINUTE"];

const LONDON = "Europe/London";
const yearFmt = new Intl.DateTimeFormat("en-GB", { timeZone: LONDON, year: "numeric" });
const monthFmt = new Intl.DateTimeFormat("en-GB", { timeZone: LONDON, month: "short", year: "numeric" });
const monthLongFmt = new Intl.DateTimeFormat("en-GB", { timeZone: LONDON, month: "long", year: "numeric" });
const dayFmt = new Intl.DateTimeFormat("en-GB", { timeZone: LONDON, day: "numeric", month: "short", year: "numeric" });
const minuteFmt = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
});
const partsFmt = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
});

export interface LondonParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function londonParts(instant: Date): LondonParts {
  const p: Record<string, number> = {};
  for (const part of partsFmt.formatToParts(instant)) if (part.type !== "literal") p[part.type] = Number(part.value);
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute! };
}

/** The date gutter label: no more precise than what is known. */
export function formatEventDate(occurredAt: Date, precision: TimePrecision): string {
  switch (precision) {
    case "YEAR":
      return yearFmt.format(occurredAt);
    case "MONTH":
      return monthFmt.format(occurredAt);
    case "DAY":
      return dayFmt.format(occurredAt);
    default:
      return minuteFmt.format(occurredAt);
  }
}

/** Group headings: "2021", "October 2022", "24 Aug 2021". */
export function formatGroupLabel(occurredAt: Date, unit: "YEAR" | "MONTH" | "DAY"): string {
  if (unit === "YEAR") return yearFmt.format(occurredAt);
  if (unit === "MONTH") return monthLongFmt.format(occurredAt);
  return dayFmt.format(occurredAt);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The date as it is exported and re-imported: "2021", "2022-10", "2021-08-24", or an ISO instant. */
export function formatEventDateForExport(occurredAt: Date, precision: TimePrecision): string {
  const p = londonParts(occurredAt);
  if (precision === "YEAR") return String(p.year);
  if (precision === "MONTH") return `${p.year}-${pad(p.month)}`;
  if (precision === "DAY") return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  return occurredAt.toISOString();
}

/** The value for an <input> showing an event's date in the same shapes parseEventDate reads. */
export function formatEventDateForInput(occurredAt: Date, precision: TimePrecision): string {
  if (precision !== "MINUTE") return formatEventDateForExport(occurredAt, precision);
  const p = londonParts(occurredAt);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

const RANK: Record<TimePrecision, number> = { YEAR: 0, MONTH: 1, DAY: 2, MINUTE: 3 };

function validDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A UK wall-clock minute as an instant (clocks change at 01:00 UTC; good to the minute). */
function londonMinute(year: number, month: number, day: number, hour: number, minute: number): Date {
  return new Date(startOfLondonDay(year, month, day).getTime() + (hour * 60 + minute) * 60_000);
}

export type ParsedEventDate = { ok: true; occurredAt: Date; precision: TimePrecision } | { ok: false; message: string };

const YEAR_RE = /^(\d{4})$/;
const MONTH_RE = /^(\d{4})-(\d{1,2})$/;
const ISO_DAY_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const UK_DAY_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const LOCAL_MINUTE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;
const UK_MINUTE_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[T ](\d{1,2}):(\d{2})(?::\d{2})?$/;
const ZONED_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

export const DATE_FORMATS_HINT = "yyyy, yyyy-mm, yyyy-mm-dd, dd/mm/yyyy, or a time such as 2021-08-24 14:05 (UK time)";

/**
 * Reads an event date: "2021" (year), "2022-10" (month), "2021-08-24" or "24/08/2021" (day),
 * "2021-08-24 14:05" or "24/08/2021 14:05" (UK time), or an ISO instant with a zone (minute).
 * A precision, when given, may be coarser than the text (the date is truncated) but not finer.
 */
export function parseEventDate(text: string, precision?: TimePrecision): ParsedEventDate {
  const t = text.trim();
  let found: { y: number; m: number; d: number; h: number; min: number; p: TimePrecision; instant?: Date } | null = null;
  let match: RegExpMatchArray | null;
  if ((match = t.match(YEAR_RE))) found = { y: +match[1]!, m: 1, d: 1, h: 0, min: 0, p: "YEAR" };
  else if ((match = t.match(MONTH_RE))) found = { y: +match[1]!, m: +match[2]!, d: 1, h: 0, min: 0, p: "MONTH" };
  else if ((match = t.match(ISO_DAY_RE))) found = { y: +match[1]!, m: +match[2]!, d: +match[3]!, h: 0, min: 0, p: "DAY" };
  else if ((match = t.match(UK_DAY_RE))) found = { y: +match[3]!, m: +match[2]!, d: +match[1]!, h: 0, min: 0, p: "DAY" };
  else if ((match = t.match(LOCAL_MINUTE_RE))) found = { y: +match[1]!, m: +match[2]!, d: +match[3]!, h: +match[4]!, min: +match[5]!, p: "MINUTE" };
  else if ((match = t.match(UK_MINUTE_RE))) found = { y: +match[3]!, m: +match[2]!, d: +match[1]!, h: +match[4]!, min: +match[5]!, p: "MINUTE" };
  else if (ZONED_RE.test(t)) {
    const instant = new Date(t);
    if (Number.isNaN(instant.getTime())) return { ok: false, message: "Not a real date" };
    const w = londonParts(instant);
    found = { y: w.year, m: w.month, d: w.day, h: w.hour, min: w.minute, p: "MINUTE", instant };
  }
  if (!found) return { ok: false, message: `Not a date: use ${DATE_FORMATS_HINT}` };
  if (found.y < 1900 || found.y > 2100) return { ok: false, message: "Year must be between 1900 and 2100" };
  if (found.m < 1 || found.m > 12 || !validDay(found.y, found.m, found.d)) return { ok: false, message: "Not a real date" };
  if (found.h > 23 || found.min > 59) return { ok: false, message: "Not a real time" };
  const p = precision ?? found.p;
  if (RANK[p] > RANK[found.p]) {
    return { ok: false, message: `The date gives only the ${found.p.toLowerCase()}; it cannot have ${p.toLowerCase()} precision` };
  }
  const occurredAt =
    p === "YEAR" ? startOfLondonDay(found.y, 1, 1)
    : p === "MONTH" ? startOfLondonDay(found.y, found.m, 1)
    : p === "DAY" ? startOfLondonDay(found.y, found.m, found.d)
    : (found.instant ? new Date(Math.floor(found.instant.getTime() / 60_000) * 60_000) : londonMinute(found.y, found.m, found.d, found.h, found.min));
  return { ok: true, occurredAt, precision: p };
}

/** The span of time an event's date stands for: [start, end). */
export function eventInterval(occurredAt: Date, precision: TimePrecision): { start: number; end: number } {
  const start = occurredAt.getTime();
  if (precision === "MINUTE") return { start, end: start + 60_000 };
  const p = londonParts(occurredAt);
  const end =
    precision === "YEAR" ? startOfLondonDay(p.year + 1, 1, 1)
    : precision === "MONTH" ? (p.month === 12 ? startOfLondonDay(p.year + 1, 1, 1) : startOfLondonDay(p.year, p.month + 1, 1))
    : new Date(startOfLondonDay(p.year, p.month, p.day).getTime() + 36 * 3_600_000);
  // DAY: the next London midnight (add 36 h then snap back to its day start: DST-safe).
  if (precision === "DAY") {
    const q = londonParts(end);
    return { start, end: startOfLondonDay(q.year, q.month, q.day).getTime() };
  }
  return { start, end: end.getTime() };
}

export function isCoarse(precision: TimePrecision): boolean {
  return precision === "YEAR" || precision === "MONTH";
}
