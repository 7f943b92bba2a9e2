import { describe, expect, it } from "vitest";
import { addDays, lastDays, lastWeeks, mondayOf, parseDayRange, startOfLondonToday, ukDaySpan } from "@/lib/dashboard/ranges";
import { alertsOnDayHref, casesHref, openAlertsBySeverityHref } from "@/lib/dashboard/links";

describe("dashboard ranges", () => {
  it("parses the ?range= toggle, defaulting to 30", () => {
    expect(parseDayRange("90")).toBe(90);
    expect(parseDayRange(["90", "30"])).toBe(90);
    expect(parseDayRange("30")).toBe(30);
    expect(parseDayRange("7")).toBe(30);
    expect(parseDayRange(undefined)).toBe(30);
  });

  it("adds calendar days across month ends and clock changes", () => {
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("takes the last N UK days ending today", () => {
    // 23:30 UTC on 14 July is 00:30 BST on 15 July.
    const { from, to } = lastDays(30, new Date("2026-07-14T23:30:00Z"));
    expect(from.toISOString()).toBe("2026-06-15T23:00:00.000Z"); // midnight BST, 16 June
    expect(to.toISOString()).toBe("2026-07-14T23:30:00.000Z");
  });

  it("spans whole UK days, both ends inclusive", () => {
    const span = ukDaySpan({ from: new Date("2026-10-24T12:00:00Z"), to: new Date("2026-10-26T12:00:00Z") });
    expect(span).toEqual({
      firstDay: "2026-10-24", lastDay: "2026-10-26",
      start: new Date("2026-10-23T23:00:00Z"), // BST
      end: new Date("2026-10-27T00:00:00Z"), // GMT after the clocks went back on the 25th
    });
  });

  it("finds UK ISO weeks", () => {
    expect(mondayOf(new Date("2026-07-12T23:30:00Z"))).toBe("2026-07-13"); // Monday 00:30 BST
    expect(mondayOf(new Date("2026-07-12T22:30:00Z"))).toBe("2026-07-06"); // Sunday 23:30 BST
    const weeks = lastWeeks(12, new Date("2026-11-22T01:00:00Z"));
    expect(weeks.firstMonday).toBe("2026-08-31");
    expect(weeks.lastMonday).toBe("2026-11-16");
    expect(weeks.start.toISOString()).toBe("2026-08-30T23:00:00.000Z");
    expect(weeks.end.toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("starts today at UK midnight", () => {
    expect(startOfLondonToday(new Date("2026-07-15T23:30:00Z")).toISOString()).toBe("2026-07-15T23:00:00.000Z");
    expect(startOfLondonToday(new Date("2026-01-15T23:30:00Z")).toISOString()).toBe("2026-01-15T00:00:00.000Z");
  });
});

describe("dashboard drill-down links", () => {
  it("builds inbox and case list filters", () => {
    expect(alertsOnDayHref("/alerts", "INCIDENT", "2026-11-21")).toBe("/alerts?kind=INCIDENT&from=2026-11-21&to=2026-11-21");
    expect(openAlertsBySeverityHref("/alerts", "HIGH")).toBe("/alerts?severity=HIGH&status=NEW&status=ACKNOWLEDGED&status=TRIAGED");
    expect(casesHref("/cases", "OPEN", "CRITICAL")).toBe("/cases?status=OPEN&severity=CRITICAL");
    expect(casesHref("/cases", "CONTAINED")).toBe("/cases?status=CONTAINED");
  });
});
