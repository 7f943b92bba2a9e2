import type { AlertKind, AlertStatus, CaseStatus, Confidence, Severity, TimePrecision, Tlp } from "@/lib/db/generated/enums";

// The frozen content of a published briefing version (stored as JSON in BriefingVersion.snapshot).
// Everything a reader sees comes from here, so later changes to cases or alerts never alter a
// published briefing. Dates are ISO strings. Content above the briefing's TLP is never in it.

export interface TimelineSnapshotEvent {
  occurredAt: string;
  precision: TimePrecision;
  title: string;
  detail: string;
  source: string;
  confidence: Confidence | null;
  tags: string[];
  key: boolean;
  tlp: Tlp;
}

export type ChartKind = "alerts-per-day" | "open-by-severity";

export type SnapshotSection =
  | { kind: "text"; title: string; markdown: string }
  | {
      kind: "case-summary";
      title: string;
      caseTitle: string;
      summary: string;
      status: CaseStatus;
      severity: Severity;
      tlp: Tlp;
      owner: string | null;
      openedAt: string;
      /** Human-readable metrics such as "Dwell time: about 14 months". */
      facts: string[];
    }
  | {
      kind: "case-timeline";
      title: string;
      caseTitle: string;
      from: string | null;
      to: string | null;
      events: TimelineSnapshotEvent[];
    }
  | {
      kind: "chart";
      title: string;
      chart: ChartKind;
      from: string;
      to: string;
      /** Plain rows as the chart components take them, e.g. { day, ADVISORY, INCIDENT, … }. */
      rows: Record<string, string | number>[];
    }
  | {
      kind: "alert-list";
      title: string;
      viewName: string;
      alerts: { title: string; kind: AlertKind; severity: Severity; status: AlertStatus; tlp: Tlp; createdAt: string }[];
    };

export interface BriefingSnapshot {
  title: string;
  tlp: Tlp;
  organisation: string;
  audience: string | null;
  publishedAt: string;
  publishedBy: string;
  version: number;
  sections: SnapshotSection[];
}
