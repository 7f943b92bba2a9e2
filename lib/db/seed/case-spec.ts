import type { CaseStatus, Confidence, Severity, TaskStatus, TimePrecision, Tlp } from "@/lib/db/generated/enums";
import type { CaseKey, OrgKey } from "./context";
import type { DemoUserKey } from "./demo-users";

// The shape of a seeded case. Historical events carry absolute dates (public record); the
// party's own recent work is placed relative to `now`, or to the alert that prompted it.

export type EventTime =
  | { date: Date }
  | { daysAgo: number }
  /** At the linked alert's first sighting, plus an optional delay. */
  | { alert: string; plusHours?: number };

export interface TimelineSpec {
  at: EventTime;
  precision: TimePrecision;
  title: string;
  detail: string;
  source: string;
  confidence?: Confidence;
  tags: string[];
  tlp: Tlp;
  /** Highlighted on the timeline: first access, detection, disclosure, attribution, containment. */
  key?: boolean;
  alertKey?: string;
  entityKeys?: string[];
}

export interface CaseSpec {
  key: CaseKey;
  title: string;
  summary: string;
  status: CaseStatus;
  severity: Severity;
  tlp: Tlp;
  tags: string[];
  createdDaysAgo: number;
  entityKeys: string[];
  sharedWith: OrgKey[];
  timeline: TimelineSpec[];
  tasks: { title: string; status: TaskStatus; assignee: DemoUserKey; createdDaysAgo: number; dueInDays?: number }[];
  notes: { author: DemoUserKey; body: string; shareable: boolean; createdDaysAgo: number }[];
}
