import type { AlertKind, AlertStatus, CaseStatus, Confidence, Severity, TimePrecision, Tlp } from "@/lib/db/generated/enums";
import { TLP_ORDER } from "@/lib/auth/tlp";
import { timelineMetrics } from "@/lib/timeline/layout";
import type { SectionDefinition } from "./schema";
import type { BriefingSnapshot, SnapshotSection, TimelineSnapshotEvent } from "./snapshot";

// Turns section definitions plus the source data loaded for them into a BriefingSnapshot, leaving
// out everything marked above the briefing's TLP and counting it. Pure: plain data in, plain data
// out, so the same code builds the preview, the published version and the demo seed's briefing.

export interface SourceEvent {
  id: string;
  occurredAt: Date;
  precision: TimePrecision;
  title: string;
  detail: string;
  source: string;
  confidence: Confidence | null;
  tags: string[];
  key: boolean;
  tlp: Tlp;
}

export interface SourceCase {
  title: string;
  summary: string;
  status: CaseStatus;
  severity: Severity;
  tlp: Tlp;
  owner: string | null;
  openedAt: Date;
  /** Every event the author may see, oldest first. */
  events: SourceEvent[];
}

export interface SourceAlert {
  title: string;
  kind: AlertKind;
  severity: Severity;
  status: AlertStatus;
  tlp: Tlp;
  createdAt: Date;
}

/** What was loaded for one definition; null when the source is gone or not visible. */
export type SectionSource =
  | { kind: "text" }
  | { kind: "case-summary" | "case-timeline"; case: SourceCase | null }
  | { kind: "chart"; rows: Record<string, string | number>[]; omitted: number }
  | { kind: "alert-list"; viewName: string | null; alerts: SourceAlert[]; omitted: number };

export interface AssembleInput {
  title: string;
  tlp: Tlp;
  organisation: string;
  audience: string | null;
  publishedAt: Date;
  publishedBy: string;
  version: number;
  sections: readonly { definition: SectionDefinition; source: SectionSource }[];
}

export interface AssembleResult {
  snapshot: BriefingSnapshot;
  /** Items left out because they were above the briefing's TLP (for the author only). */
  omitted: number;
  /** Sections whose source could not be found, for the author (the section is left out). */
  warnings: string[];
}

export function tlpAllows(briefingTlp: Tlp, itemTlp: Tlp): boolean {
  return TLP_ORDER.indexOf(itemTlp) <= TLP_ORDER.indexOf(briefingTlp);
}

function toSnapshotEvent(e: SourceEvent): TimelineSnapshotEvent {
  return {
    occurredAt: e.occurredAt.toISOString(), precision: e.precision, title: e.title, detail: e.detail, source: e.source,
    confidence: e.confidence, tags: [...e.tags], key: e.key, tlp: e.tlp,
  };
}

/** Whole days: "from" from 00:00 UTC, "to" inclusive to the end of that day (event dates are stored as UTC days). */
function inRange(at: Date, from?: string, to?: string): boolean {
  const ms = at.getTime();
  if (from && ms < Date.parse(`${from}T00:00:00Z`)) return false;
  if (to && ms >= Date.parse(`${to}T00:00:00Z`) + 86_400_000) return false;
  return true;
}

function caseFacts(events: readonly SourceEvent[]): string[] {
  const m = timelineMetrics(events);
  const facts: string[] = [];
  if (m.dwellTime) facts.push(`Dwell time (first access to detection): ${m.dwellTime.label}`);
  if (m.timeToDisclose) facts.push(`Detection to disclosure: ${m.timeToDisclose.label}`);
  if (m.exposureToDisclosure) facts.push(`First access to disclosure: ${m.exposureToDisclosure.label}`);
  return facts;
}

export function assembleSnapshot(input: AssembleInput): AssembleResult {
  const allows = (t: Tlp) => tlpAllows(input.tlp, t);
  let omitted = 0;
  const warnings: string[] = [];
  const sections: SnapshotSection[] = [];

  input.sections.forEach(({ definition: def, source }, index) => {
    const where = `Section ${index + 1}`;
    switch (def.kind) {
      case "text":
        sections.push({ kind: "text", title: def.title, markdown: def.markdown });
        return;
      case "case-summary": {
        const c = source.kind === "case-summary" ? source.case : null;
        if (!c) return void warnings.push(`${where}: the case was not found.`);
        if (!allows(c.tlp)) return void (omitted += 1);
        const visible = c.events.filter((e) => allows(e.tlp));
        sections.push({
          kind: "case-summary", title: def.title || c.title, caseTitle: c.title, summary: c.summary, status: c.status,
          severity: c.severity, tlp: c.tlp, owner: c.owner, openedAt: c.openedAt.toISOString(),
          // Metrics only from events the audience may see: an AMBER event must not leak through a date.
          facts: caseFacts(visible),
        });
        return;
      }
      case "case-timeline": {
        const c = source.kind === "case-timeline" ? source.case : null;
        if (!c) return void warnings.push(`${where}: the case was not found.`);
        const inWindow = c.events.filter((e) => inRange(e.occurredAt, def.from, def.to));
        const kept = inWindow.filter((e) => allows(e.tlp));
        omitted += inWindow.length - kept.length;
        // The case's own title is marked with the case's TLP; above the briefing's, use the heading.
        const caseTitle = allows(c.tlp) ? c.title : def.title || "Incident timeline";
        sections.push({
          kind: "case-timeline", title: def.title || `Timeline: ${caseTitle}`, caseTitle,
          from: def.from ?? null, to: def.to ?? null, events: kept.map(toSnapshotEvent),
        });
        return;
      }
      case "chart": {
        if (source.kind !== "chart") return void warnings.push(`${where}: the chart could not be loaded.`);
        omitted += source.omitted;
        const name = def.chart === "alerts-per-day" ? "Alerts per day" : "Open alerts by severity";
        sections.push({ kind: "chart", title: def.title || name, chart: def.chart, from: def.from, to: def.to, rows: source.rows });
        return;
      }
      case "alert-list": {
        if (source.kind !== "alert-list" || source.viewName === null) return void warnings.push(`${where}: the saved view was not found.`);
        const kept = source.alerts.filter((a) => allows(a.tlp)).slice(0, def.limit);
        omitted += source.omitted + source.alerts.filter((a) => !allows(a.tlp)).length;
        sections.push({
          kind: "alert-list", title: def.title || source.viewName, viewName: source.viewName,
          alerts: kept.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
        });
        return;
      }
    }
  });

  return {
    snapshot: {
      title: input.title, tlp: input.tlp, organisation: input.organisation, audience: input.audience,
      publishedAt: input.publishedAt.toISOString(), publishedBy: input.publishedBy, version: input.version, sections,
    },
    omitted,
    warnings,
  };
}
