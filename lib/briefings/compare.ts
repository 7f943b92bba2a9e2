import type { BriefingSnapshot, SnapshotSection, TimelineSnapshotEvent } from "./snapshot";

// A plain, readable diff between two published snapshots: which sections were added, removed or
// changed (matched by kind and heading), and for timelines which events. Pure.

export type ChangeStatus = "added" | "removed" | "changed" | "unchanged";

export interface SectionDiff {
  status: ChangeStatus;
  kind: SnapshotSection["kind"];
  title: string;
  /** Human-readable lines, e.g. "Event added: 8 Aug 2023 — Disclosure". */
  details: string[];
}

export interface VersionDiff {
  a: number;
  b: number;
  /** Changes to the briefing itself (title, TLP). */
  header: string[];
  sections: SectionDiff[];
  /** One line: "2 sections changed, 1 added, 0 removed". */
  summary: string;
}

const sectionKey = (s: SnapshotSection) => `${s.kind}\u0000${s.title}`;
const eventKey = (e: TimelineSnapshotEvent) => `${e.occurredAt}\u0000${e.title}`;
const eventLabel = (e: TimelineSnapshotEvent) => `${e.occurredAt.slice(0, 10)} — ${e.title}`;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function keyed<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  const seen = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    map.set(n === 1 ? k : `${k}\u0000${n}`, item);
  }
  return map;
}

function describeChange(a: SnapshotSection, b: SnapshotSection): string[] {
  if (a.kind === "case-timeline" && b.kind === "case-timeline") {
    const before = keyed(a.events, eventKey);
    const after = keyed(b.events, eventKey);
    const lines: string[] = [];
    for (const [k, e] of after) if (!before.has(k)) lines.push(`Event added: ${eventLabel(e)}`);
    for (const [k, e] of before) if (!after.has(k)) lines.push(`Event removed: ${eventLabel(e)}`);
    for (const [k, e] of after) {
      const old = before.get(k);
      if (old && !same(old, e)) lines.push(`Event changed: ${eventLabel(e)}`);
    }
    if (a.from !== b.from || a.to !== b.to) lines.push("Date range changed");
    return lines.length ? lines : ["Changed"];
  }
  if (a.kind === "alert-list" && b.kind === "alert-list") {
    return [`Alerts: ${a.alerts.length} → ${b.alerts.length}`];
  }
  const fields = Object.keys({ ...a, ...b }).filter(
    (f) => f !== "kind" && !same((a as unknown as Record<string, unknown>)[f], (b as unknown as Record<string, unknown>)[f]),
  );
  return fields.length ? [`Changed: ${fields.join(", ")}`] : ["Changed"];
}

export function compareSnapshots(a: BriefingSnapshot, b: BriefingSnapshot): VersionDiff {
  const header: string[] = [];
  if (a.title !== b.title) header.push(`Title: “${a.title}” → “${b.title}”`);
  if (a.tlp !== b.tlp) header.push(`TLP: ${a.tlp} → ${b.tlp}`);
  if (a.audience !== b.audience) header.push(`Audience: ${a.audience ?? "internal"} → ${b.audience ?? "internal"}`);

  const before = keyed(a.sections, sectionKey);
  const after = keyed(b.sections, sectionKey);
  const sections: SectionDiff[] = [];
  for (const [k, s] of after) {
    const old = before.get(k);
    if (!old) sections.push({ status: "added", kind: s.kind, title: s.title, details: [] });
    else if (same(old, s)) sections.push({ status: "unchanged", kind: s.kind, title: s.title, details: [] });
    else sections.push({ status: "changed", kind: s.kind, title: s.title, details: describeChange(old, s) });
  }
  for (const [k, s] of before) if (!after.has(k)) sections.push({ status: "removed", kind: s.kind, title: s.title, details: [] });

  const count = (status: ChangeStatus) => sections.filter((s) => s.status === status).length;
  const summary = `${count("changed")} changed, ${count("added")} added, ${count("removed")} removed, ${count("unchanged")} unchanged`;
  return { a: a.version, b: b.version, header, sections, summary };
}
