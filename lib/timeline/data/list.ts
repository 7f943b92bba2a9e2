import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { AlertStatus, CaseStatus, Confidence, EntityKind, Severity, TimePrecision, Tlp } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { alertVisibility } from "@/lib/alerts/data/visibility";
import { recordAudit } from "@/lib/audit/data";
import { can, type Viewer } from "@/lib/auth/permissions";
import { loadCaseAccess, type CaseAccess } from "@/lib/cases/data/visibility";
import { timelineMetrics, type TimelineMetrics } from "../layout";
import type { TimelineFilter } from "../schema";

// Reading a case timeline: only events whose own TLP this viewer may see in this case
// (loadCaseAccess().visibleTlps), and links to alerts only where the viewer may open the alert.

/** Most events read for one case; far above any real incident timeline. */
export const TIMELINE_READ_CAP = 5_000;

export interface TimelineEventView {
  id: string;
  occurredAt: Date;
  precision: TimePrecision;
  recordedAt: Date;
  title: string;
  detail: string;
  source: string;
  confidence: Confidence | null;
  tags: string[];
  key: boolean;
  tlp: Tlp;
  version: number;
  /** The linked alert, only when the viewer may open it. */
  alert: { id: string; title: string } | null;
  entities: { id: string; name: string; kind: EntityKind }[];
}

export interface TimelineView {
  caseId: string;
  caseTitle: string;
  caseStatus: CaseStatus;
  /** The viewer may add, edit, import (own organisation, case:write, case not closed). */
  canWrite: boolean;
  /** The case belongs to another organisation and is shared read-only with the viewer's. */
  shared: boolean;
  /** TLPs the viewer may give events (and sees) in this case. */
  visibleTlps: Tlp[];
  /** Events matching the filter, oldest first. */
  events: TimelineEventView[];
  /** All visible events, before filtering. */
  totalVisible: number;
  /** From all visible events, not just the filtered ones. */
  metrics: TimelineMetrics;
  filterOptions: { entities: { id: string; name: string }[]; sources: string[]; tags: string[] };
  /** Entities linked to the case: those an event may link. */
  caseEntities: { id: string; name: string }[];
}

export const EVENT_SELECT = {
  id: true, occurredAt: true, precision: true, recordedAt: true, title: true, detail: true, source: true, confidence: true,
  tags: true, key: true, tlp: true, version: true, alertId: true,
  alert: { select: { title: true } },
  entities: { select: { entity: { select: { id: true, name: true, kind: true } } } },
} satisfies Prisma.TimelineEventSelect;

type EventRow = Prisma.TimelineEventGetPayload<{ select: typeof EVENT_SELECT }>;
type Reader = Pick<Prisma.TransactionClient, "timelineEvent" | "alert">;

/** Visible events of a case, oldest first, with alert links the viewer may open. */
export async function readVisibleEvents(db: Reader, viewer: Viewer, access: CaseAccess): Promise<TimelineEventView[]> {
  const rows = await db.timelineEvent.findMany({
    where: { caseId: access.id, tlp: { in: access.visibleTlps } },
    orderBy: [{ occurredAt: "asc" }, { recordedAt: "asc" }, { id: "asc" }],
    take: TIMELINE_READ_CAP,
    select: EVENT_SELECT,
  });
  const linked = [...new Set(rows.map((r) => r.alertId).filter((id): id is string => !!id))];
  const openable = new Set(
    linked.length
      ? (await db.alert.findMany({ where: { AND: [{ id: { in: linked } }, alertVisibility(viewer)] }, select: { id: true } })).map((a) => a.id)
      : [],
  );
  return rows.map((r) => toView(r, openable));
}

function toView(r: EventRow, openable: ReadonlySet<string>): TimelineEventView {
  return {
    id: r.id, occurredAt: r.occurredAt, precision: r.precision, recordedAt: r.recordedAt, title: r.title, detail: r.detail,
    source: r.source, confidence: r.confidence, tags: r.tags, key: r.key, tlp: r.tlp, version: r.version,
    alert: r.alertId && r.alert && openable.has(r.alertId) ? { id: r.alertId, title: r.alert.title } : null,
    entities: r.entities.map((e) => e.entity).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export function applyFilter(events: readonly TimelineEventView[], filter: TimelineFilter): TimelineEventView[] {
  return events.filter(
    (e) =>
      (!filter.entity || e.entities.some((x) => x.id === filter.entity)) &&
      (!filter.source || e.source === filter.source) &&
      (!filter.tag || e.tags.includes(filter.tag)),
  );
}

function filterOptions(events: readonly TimelineEventView[]): TimelineView["filterOptions"] {
  const entities = new Map<string, string>();
  const sources = new Set<string>();
  const tags = new Set<string>();
  for (const e of events) {
    for (const x of e.entities) entities.set(x.id, x.name);
    if (e.source) sources.add(e.source);
    for (const t of e.tags) tags.add(t);
  }
  const byText = (a: string, b: string) => a.localeCompare(b);
  return {
    entities: [...entities].map(([id, name]) => ({ id, name })).sort((a, b) => byText(a.name, b.name)),
    sources: [...sources].sort(byText),
    tags: [...tags].sort(byText),
  };
}

/**
 * The timeline of a case as this viewer may see it, filtered by entity, source or tag. Reads by
 * an organisation the case is shared with are audited (the owner sees who looked).
 */
export async function listTimeline(viewer: Viewer, caseId: string, filter: TimelineFilter = {}): Promise<TimelineView> {
  const db = getDb();
  const access = await loadCaseAccess(db, viewer, caseId, "read");
  const [all, caseEntities] = await Promise.all([
    readVisibleEvents(db, viewer, access),
    db.caseEntity.findMany({
      where: { caseId: access.id },
      orderBy: { entity: { name: "asc" } },
      select: { entity: { select: { id: true, name: true } } },
    }),
  ]);
  if (!access.standing.ownOrganisation) {
    await db.$transaction(async (tx) => {
      // In the owning organisation's trail: the owner sees who looked. (The case layout audits
      // "case.view", but a layout does not re-render when moving between the case's tabs.)
      await recordAudit(
        tx,
        viewer,
        { action: "timeline.view", targetType: "Case", targetId: access.id, summary: { caseId: access.id, shared: true, events: all.length } },
        { organisationId: access.organisationId },
      );
    });
  }
  return {
    caseId: access.id,
    caseTitle: access.title,
    caseStatus: access.status,
    canWrite: access.standing.ownOrganisation && can(viewer, "case:write") && access.status !== "CLOSED",
    shared: !access.standing.ownOrganisation,
    visibleTlps: access.visibleTlps,
    events: applyFilter(all, filter),
    totalVisible: all.length,
    metrics: timelineMetrics(all),
    filterOptions: filterOptions(all),
    caseEntities: caseEntities.map((c) => c.entity),
  };
}

export interface TimelineAlertChoice {
  id: string;
  title: string;
  severity: Severity;
  tlp: Tlp;
  status: AlertStatus;
  firstSeenAt: Date;
  /** Already has an event on this case's timeline. */
  onTimeline: boolean;
}

/** Alerts of the case that the viewer may see, for "Add from alerts". */
export async function listTimelineAlertChoices(viewer: Viewer, caseId: string): Promise<TimelineAlertChoice[]> {
  const db = getDb();
  const access = await loadCaseAccess(db, viewer, caseId, "read");
  const rows = await db.alert.findMany({
    where: { AND: [{ caseId: access.id }, alertVisibility(viewer)] },
    orderBy: [{ firstSeenAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true, title: true, severity: true, tlp: true, status: true, firstSeenAt: true,
      timeline: { where: { caseId: access.id }, select: { id: true }, take: 1 },
    },
  });
  return rows.map(({ timeline, ...a }) => ({ ...a, onTimeline: timeline.length > 0 }));
}
