import { describe, expect, it } from "vitest";
import type { TimePrecision } from "@/lib/db/generated/enums";
import { formatEventDate, parseEventDate } from "@/lib/timeline/dates";
import { chooseGrouping, formatDuration, layoutTimeline, timelineMetrics, type LayoutEvent } from "@/lib/timeline/layout";

function ev(id: string, date: string, tags: string[] = [], precision?: TimePrecision): LayoutEvent {
  const parsed = parseEventDate(date, precision);
  if (!parsed.ok) throw new Error(parsed.message);
  return { id, occurredAt: parsed.occurredAt, precision: parsed.precision, tags };
}

// Electoral Commission breach, FACTS.md.
const EC = [
  ev("patch", "2021-04", ["patch"]),
  ev("first", "2021-08-24", ["first-access"]),
  ev("reuse1", "2021-09-16"),
  ev("spam", "2021-10-28"),
  ev("again", "2022-03-14"),
  ev("reuse2", "2022-06-13"),
  ev("reuse3", "2022-08-02"),
  ev("detect", "2022-10", ["detection"]),
  ev("announce", "2023-08-08", ["disclosure"]),
  ev("attrib", "2024-03-25", ["attribution"]),
];

describe("event dates", () => {
  it("label no more precisely than known, in UK time", () => {
    expect(formatEventDate(ev("a", "2021").occurredAt, "YEAR")).toBe("2021");
    expect(formatEventDate(ev("a", "2022-10").occurredAt, "MONTH")).toBe("Oct 2022");
    expect(formatEventDate(ev("a", "24/08/2021").occurredAt, "DAY")).toBe("24 Aug 2021");
    // 13:05 UTC in August is 14:05 BST.
    expect(formatEventDate(ev("a", "2021-08-24T13:05:00Z").occurredAt, "MINUTE")).toBe("24 Aug 2021, 14:05");
    expect(formatEventDate(ev("a", "2021-08-24 14:05").occurredAt, "MINUTE")).toBe("24 Aug 2021, 14:05");
  });

  it("reads the accepted shapes and refuses the rest", () => {
    expect(parseEventDate("24/08/2021")).toMatchObject({ ok: true, precision: "DAY" });
    expect(parseEventDate("2021-08-24", "MONTH")).toMatchObject({ ok: true, precision: "MONTH" });
    expect(parseEventDate("2022-10", "DAY")).toMatchObject({ ok: false });
    expect(parseEventDate("31/02/2022")).toMatchObject({ ok: false, message: "Not a real date" });
    expect(parseEventDate("last Tuesday")).toMatchObject({ ok: false });
    expect(parseEventDate("2021-08-24 25:00")).toMatchObject({ ok: false });
    // A day starts at UK midnight: 00:00 BST is 23:00 UTC the day before.
    const d = parseEventDate("2021-08-24");
    expect(d.ok && d.occurredAt.toISOString()).toBe("2021-08-23T23:00:00.000Z");
  });
});

describe("layoutTimeline", () => {
  it("orders events, groups by month for a span of years under three, and marks long gaps", () => {
    const shuffled = [...EC.slice(0, 9)].reverse();
    const { grouping, items } = layoutTimeline(shuffled);
    expect(grouping).toBe("MONTH");
    const events = items.filter((i) => i.kind === "event").map((i) => (i.kind === "event" ? i.event.id : ""));
    expect(events).toEqual(EC.slice(0, 9).map((e) => e.id));
    const groups = items.filter((i) => i.kind === "group").map((i) => (i.kind === "group" ? i.label : ""));
    expect(groups.slice(0, 3)).toEqual(["April 2021", "August 2021", "September 2021"]);
    const gaps = items.filter((i) => i.kind === "gap").map((i) => (i.kind === "gap" ? i.label : ""));
    // Apr 2021 (month) → 24 Aug: about 16 weeks from 1 May; from the end of 28 Oct 2021 to 14 Mar 2022: 136 days.
    expect(gaps[0]).toMatch(/^about .* later$/);
    expect(gaps).toContain("4 months later");
    expect(gaps).toHaveLength(7);
    // The gap before the disclosure runs from the end of October 2022.
    expect(gaps.at(-1)).toBe("about 9 months later");
    const dateLabels = items.flatMap((i) => (i.kind === "event" ? [i.dateLabel] : []));
    expect(dateLabels.slice(0, 2)).toEqual(["Apr 2021", "24 Aug 2021"]);
    expect(dateLabels).toContain("Oct 2022");
  });

  it("chooses the grouping from the span and honours an override and the gap threshold", () => {
    expect(chooseGrouping(EC)).toBe("MONTH");
    expect(chooseGrouping([ev("a", "2021-08-24 09:00"), ev("b", "2021-08-26 10:00")])).toBe("DAY");
    expect(chooseGrouping([ev("a", "2015"), ev("b", "2024-03-25")])).toBe("YEAR");
    const { grouping, items } = layoutTimeline(EC, { grouping: "YEAR", gapDays: 400 });
    expect(grouping).toBe("YEAR");
    expect(items.filter((i) => i.kind === "group").map((i) => (i.kind === "group" ? i.label : ""))).toEqual(["2021", "2022", "2023", "2024"]);
    expect(items.filter((i) => i.kind === "gap")).toHaveLength(0);
  });

  it("never puts a coarse event under a finer heading", () => {
    const { items } = layoutTimeline([ev("y", "2021"), ev("d", "2021-03-02"), ev("e", "2021-03-03")], { grouping: "DAY" });
    expect(items[0]).toMatchObject({ kind: "group", label: "2021", unit: "YEAR" });
    expect(items.filter((i) => i.kind === "group").map((i) => (i.kind === "group" ? i.label : ""))).toEqual(["2021", "2 Mar 2021", "3 Mar 2021"]);
  });
});

describe("timelineMetrics", () => {
  it("Electoral Commission: about 14 months from first access (24 Aug 2021) to detection (Oct 2022)", () => {
    const m = timelineMetrics(EC);
    expect(m.dwellTime).toMatchObject({ fromId: "first", toId: "detect", exact: false, label: "about 14 months" });
    expect(m.dwellTime!.detail).toBe("13–14 months");
    expect(m.timeToDisclose).toMatchObject({ fromId: "detect", toId: "announce", exact: false });
    expect(m.exposureToDisclosure).toMatchObject({ exact: true, label: "23 months", detail: "714 days" });
  });

  it("uses the earliest tagged event, and gives nothing when an end is missing or out of order", () => {
    const later = ev("late", "2025-01-01", ["detection"]);
    expect(timelineMetrics([...EC, later]).dwellTime?.toId).toBe("detect");
    expect(timelineMetrics(EC.filter((e) => e.id !== "detect")).dwellTime).toBeNull();
    expect(timelineMetrics([ev("d", "2020-01-01", ["detection"]), ev("f", "2021-01-01", ["first-access"])]).dwellTime).toBeNull();
  });

  it("formats durations", () => {
    expect(formatDuration(30 * 60_000)).toBe("30 minutes");
    expect(formatDuration(5 * 3_600_000)).toBe("5 hours");
    expect(formatDuration(3 * 86_400_000)).toBe("3 days");
    expect(formatDuration(21 * 86_400_000)).toBe("3 weeks");
    expect(formatDuration(365 * 86_400_000)).toBe("12 months");
    expect(formatDuration(3 * 365.25 * 86_400_000)).toBe("3 years");
    expect(formatDuration(800 * 86_400_000)).toBe("2 years, 2 months");
  });
});

describe("seeded cases", () => {
  it("the Electoral Commission timeline shows about 14 months of dwell time", async () => {
    const { ELECTORAL_COMMISSION_CASE } = await import("@/lib/db/seed/case-electoral-commission");
    const events = ELECTORAL_COMMISSION_CASE.timeline.flatMap((e, i) =>
      "date" in e.at ? [{ id: String(i), occurredAt: e.at.date, precision: e.precision, tags: e.tags }] : [],
    );
    expect(timelineMetrics(events).dwellTime?.label).toBe("about 14 months");
    const keyTags = ELECTORAL_COMMISSION_CASE.timeline.filter((e) => e.key).flatMap((e) => e.tags);
    expect(keyTags).toEqual(expect.arrayContaining(["first-access", "detection", "disclosure", "attribution", "containment"]));
  });
});
