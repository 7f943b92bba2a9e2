import { describe, expect, it } from "vitest";
import { summariseAlertsPerDay } from "@/components/charts/alerts-per-day-chart";
import { summariseCaseStatuses } from "@/components/charts/case-status-chart";
import { summariseSeverities } from "@/components/charts/severity-chart";
import { summariseTriageTimes } from "@/components/charts/triage-times-chart";

// The charts' text alternatives (aria-label and caption).

describe("chart summaries", () => {
  it("summarises alerts per day", () => {
    const rows = [
      { day: "2026-11-20", ADVISORY: 1, INCIDENT: 2, VETTING: 5, BALLOT: 0 },
      { day: "2026-11-21", ADVISORY: 0, INCIDENT: 4, VETTING: 0, BALLOT: 1 },
    ];
    expect(summariseAlertsPerDay(rows, ["ADVISORY", "INCIDENT", "BALLOT"])).toBe(
      "Alerts per day by kind, 20 Nov to 21 Nov: 8 in all (advisory 1, incident 6, ballot 1); busiest day 21 Nov with 5.",
    );
    expect(summariseAlertsPerDay([], ["ADVISORY"])).toMatch(/no days/);
  });

  it("summarises severities, most severe first", () => {
    expect(summariseSeverities([
      { severity: "INFO", count: 0 }, { severity: "LOW", count: 1 }, { severity: "MEDIUM", count: 0 },
      { severity: "HIGH", count: 2 }, { severity: "CRITICAL", count: 3 },
    ])).toBe("Open alerts by severity: 6 open (critical 3, high 2, medium 0, low 1, info 0).");
    expect(summariseSeverities([{ severity: "LOW", count: 0 }])).toMatch(/none open/);
  });

  it("summarises triage times from the latest measured week", () => {
    expect(summariseTriageTimes([
      { week: "2026-11-09", medianAcknowledgeMs: 7_200_000, acknowledged: 3, medianTriageMs: null, triaged: 0 },
      { week: "2026-11-16", medianAcknowledgeMs: null, acknowledged: 0, medianTriageMs: null, triaged: 0 },
    ])).toContain("from 9 Nov): acknowledge 2 h (3 alerts), triage none (0 alerts)");
  });

  it("summarises open cases", () => {
    const zero = { INFO: 0, LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 };
    expect(summariseCaseStatuses([
      { status: "OPEN", total: 2, ...zero, HIGH: 2 },
      { status: "INVESTIGATING", total: 1, ...zero, CRITICAL: 1 },
      { status: "CONTAINED", total: 0, ...zero },
    ])).toBe("Open cases by status and severity: 3 open (open 2, investigating 1, contained 0); 1 critical, 2 high.");
  });
});
