// Calendar days and weeks as the team lives them: in UK time (GMT/BST), whatever the server's
// zone. Pure: no database access.

const LONDON = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function londonWallTime(instant: Date): WallTime {
  const parts: Record<string, number> = {};
  for (const part of LONDON.formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second!,
  };
}

/** How far London's clocks are ahead of UTC at this instant (0 or one hour). */
function londonOffsetMs(instant: Date): number {
  const w = londonWallTime(instant);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUtc - (instant.getTime() - instant.getUTCMilliseconds());
}

/**
 * The instant at which a London calendar day starts. Clocks change at 01:00 UTC, never at
 * midnight, so the start of a day is never ambiguous.
 */
export function startOfLondonDay(year: number, month: number, day: number): Date {
  const guess = Date.UTC(year, month - 1, day);
  const first = guess - londonOffsetMs(new Date(guess));
  return new Date(guess - londonOffsetMs(new Date(first)));
}

/** Start of the London day named "yyyy-mm-dd" (already validated as a real date). */
export function startOfLondonDate(date: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return startOfLondonDay(year, month, day);
}

/** The London calendar date of an instant, as "yyyy-mm-dd". */
export function londonDate(instant: Date): string {
  const w = londonWallTime(instant);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/** The ISO week (Monday 00:00 to the next Monday 00:00, London time) containing `now`. */
export function londonIsoWeek(now: Date): { start: Date; end: Date } {
  const w = londonWallTime(now);
  // Day arithmetic on a UTC calendar date: no clock changes there.
  const today = new Date(Date.UTC(w.year, w.month - 1, w.day));
  const sinceMonday = (today.getUTCDay() + 6) % 7;
  const monday = new Date(today.getTime() - sinceMonday * 86_400_000);
  const nextMonday = new Date(monday.getTime() + 7 * 86_400_000);
  return {
    start: startOfLondonDay(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate()),
    end: startOfLondonDay(nextMonday.getUTCFullYear(), nextMonday.getUTCMonth() + 1, nextMonday.getUTCDate()),
  };
}
