import { describe, expect, it } from "vitest";
import { londonDate, londonIsoWeek, startOfLondonDay } from "@/lib/alerts/london-time";
import { formatDuration, median, timeToAcknowledge, timeToTriage } from "@/lib/alerts/metrics";

const MIN = 60_000;

describe("triage durations", () => {
  const createdAt = new Date("2026-06-10T09:00:00Z");

  it("measures from arrival in the inbox to acknowledgement and to triage", () => {
    const alert = { createdAt, acknowledgedAt: new Date(createdAt.getTime() + 80 * MIN), triagedAt: new Date(createdAt.getTime() + 3 * 60 * MIN) };
    expect(timeToAcknowledge(alert)).toBe(80 * MIN);
    expect(timeToTriage(alert)).toBe(180 * MIN);
    expect(timeToAcknowledge({ createdAt, acknowledgedAt: null, triagedAt: null })).toBeNull();
    expect(timeToTriage({ createdAt, acknowledgedAt: null, triagedAt: null })).toBeNull();
    // Clock skew between writers never yields a negative duration.
    expect(timeToAcknowledge({ createdAt, acknowledgedAt: new Date(createdAt.getTime() - 5), triagedAt: null })).toBe(0);
  });

  it("takes the median like percentile_cont(0.5): middle value, or halfway between the two middle ones", () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([80, 10, 120, 30])).toBe(55);
    expect(median([5, 5, 5, 100])).toBe(5);
  });

  it("formats durations for the inbox header", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(12 * MIN)).toBe("12 min");
    expect(formatDuration(80 * MIN)).toBe("1 h 20 min");
    expect(formatDuration(120 * MIN)).toBe("2 h");
    expect(formatDuration(59 * MIN + 59_000)).toBe("1 h");
    expect(formatDuration((2 * 24 + 3) * 60 * MIN)).toBe("2 d 3 h");
  });
});

describe("UK calendar", () => {
  it("finds the start of a London day in winter and summer time", () => {
    expect(startOfLondonDay(2026, 1, 15)).toEqual(new Date("2026-01-15T00:00:00Z"));
    expect(startOfLondonDay(2026, 6, 10)).toEqual(new Date("2026-06-09T23:00:00Z"));
    // Clock-change days: forward on 29 March, back on 25 October 2026.
    expect(startOfLondonDay(2026, 3, 29)).toEqual(new Date("2026-03-29T00:00:00Z"));
    expect(startOfLondonDay(2026, 3, 30)).toEqual(new Date("2026-03-29T23:00:00Z"));
    expect(startOfLondonDay(2026, 10, 25)).toEqual(new Date("2026-10-24T23:00:00Z"));
    expect(startOfLondonDay(2026, 10, 26)).toEqual(new Date("2026-10-26T00:00:00Z"));
  });

  it("gives the ISO week, Monday to Monday in UK time", () => {
    // Wednesday 10 June 2026.
    expect(londonIsoWeek(new Date("2026-06-10T12:00:00Z"))).toEqual({
      start: new Date("2026-06-07T23:00:00Z"),
      end: new Date("2026-06-14T23:00:00Z"),
    });
    // Sunday 23:30 BST is still the week that began on Monday 1 June…
    expect(londonIsoWeek(new Date("2026-06-07T22:30:00Z")).start).toEqual(new Date("2026-05-31T23:00:00Z"));
    // …and Monday 00:30 BST (still Sunday in UTC) starts the next one.
    expect(londonIsoWeek(new Date("2026-06-07T23:30:00Z")).start).toEqual(new Date("2026-06-07T23:00:00Z"));
    // The week the clocks go back is 169 hours long.
    const autumn = londonIsoWeek(new Date("2026-10-22T12:00:00Z"));
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(169 * 3_600_000);
  });

  it("names the London date of an instant", () => {
    expect(londonDate(new Date("2026-06-09T23:30:00Z"))).toBe("2026-06-10");
    expect(londonDate(new Date("2026-01-09T23:30:00Z"))).toBe("2026-01-09");
  });
});
