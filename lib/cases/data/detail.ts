import "server-only";
import type { AlertKind, AlertStatus, CaseStatus, EntityKind, Severity, TimePrecision, Tlp } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { alertVisibility } from "@/lib/alerts/data/visibility";
import { recordAudit } from "@/lib/audit/data";
import { assertCan, viewerUserId, type Viewer } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/http/errors";
import { visibleTlps } from "../rules";
import { caseVisibility } from "./visibility";

export interface CaseOption {
  id: string;
  title: string;
  status: CaseStatus;
  severity: Severity;
  tlp: Tlp;
}

/** Open cases of the viewer's own organisation that alerts may be added to, recently active first. */
export async function listOpenCasesForPromotion(viewer: Viewer): Promise<CaseOption[]> {
  assertCan(viewer, "case:write");
  return getDb().case.findMany({
    where: { AND: [caseVisibility(viewer), { organisationId: viewer.organisationId, status: { not: "CLOSED" } }] },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, title: true, status: true, severity: true, tlp: true },
  });
}

export interface CaseAlert {
  id: string;
  kind: AlertKind;
  title: string;
  severity: Severity;
  tlp: Tlp;
  status: AlertStatus;
  firstSeenAt: Date;
}

export interface CaseTimelineEvent {
  id: string;
  occurredAt: Date;
  precision: TimePrecision;
  title: string;
  detail: string;
  source: string;
  tlp: Tlp;
  tags: string[];
  /** The linked alert, only when the viewer may open it. */
  alertId: string | null;
}

export interface CaseDetail {
  id: string;
  title: string;
  summary: string;
  status: CaseStatus;
  severity: Severity;
  tlp: Tlp;
  tags: string[];
  version: number;
  resolution: string | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  /** The viewer belongs to the owning organisation (otherwise the case is shared with them, read only). */
  ownOrganisation: boolean;
  /** The viewer is a named member. */
  member: boolean;
  /** The owning organisation's name when the case is shared with the viewer's; null for their own. */
  sharedBy: string | null;
  owner: { id: string; name: string } | null;
  /** Named members; `organisation` is set for people from an organisation the case is shared with. */
  members: { id: string; name: string; organisation: string | null }[];
  /** Alerts escalated into the case that the viewer may see. */
  alerts: CaseAlert[];
  entities: { id: string; kind: EntityKind; name: string }[];
  /** Events the viewer may see by their TLP, oldest first. */
  timeline: CaseTimelineEvent[];
}

/**
 * One case as the viewer may see it. A read by anyone outside the owning organisation (a
 * task-force reviewer reading a shared case) is audited as "case.view" in the owning
 * organisation's trail, so the owner sees who looked.
 */
export async function getCase(viewer: Viewer, caseId: string): Promise<CaseDetail> {
  assertCan(viewer, "case:read");
  const db = getDb();
  const row = await db.case.findFirst({
    where: { AND: [{ id: caseId }, caseVisibility(viewer)] },
    select: {
      id: true, organisationId: true, title: true, summary: true, status: true, severity: true, tlp: true, tags: true,
      version: true, resolution: true, createdAt: true, updatedAt: true, closedAt: true,
      organisation: { select: { name: true } },
      owner: { select: { id: true, name: true } },
      members: {
        select: { user: { select: { id: true, name: true, organisationId: true, organisation: { select: { name: true } } } } },
        orderBy: { addedAt: "asc" },
      },
      entities: { select: { entity: { select: { id: true, kind: true, name: true } } }, orderBy: { entity: { name: "asc" } } },
    },
  });
  if (!row) throw new NotFoundError("Case");
  const userId = viewerUserId(viewer);
  const standing = {
    ownOrganisation: row.organisationId === viewer.organisationId,
    member: !!userId && row.members.some((m) => m.user.id === userId),
  };
  if (!standing.ownOrganisation) {
    await recordAudit(
      db,
      viewer,
      { action: "case.view", targetType: "Case", targetId: row.id, summary: { viewerOrganisationId: viewer.organisationId, caseTitle: row.title } },
      { organisationId: row.organisationId },
    );
  }

  const [events, alerts] = await Promise.all([
    db.timelineEvent.findMany({
      where: { caseId: row.id, tlp: { in: visibleTlps(viewer.clearance, standing) } },
      orderBy: [{ occurredAt: "asc" }, { recordedAt: "asc" }, { id: "asc" }],
      select: {
        id: true, occurredAt: true, precision: true, title: true, detail: true, source: true, tlp: true, tags: true, alertId: true,
      },
    }),
    db.alert.findMany({
      where: { AND: [{ caseId: row.id }, alertVisibility(viewer)] },
      orderBy: [{ firstSeenAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, title: true, severity: true, tlp: true, status: true, firstSeenAt: true },
    }),
  ]);
  // Events may link alerts outside the case too; link only those the viewer may open.
  const linked = [...new Set(events.map((e) => e.alertId).filter((id): id is string => !!id))];
  const openable = new Set(alerts.map((a) => a.id));
  const unknown = linked.filter((id) => !openable.has(id));
  if (unknown.length) {
    const more = await db.alert.findMany({ where: { AND: [{ id: { in: unknown } }, alertVisibility(viewer)] }, select: { id: true } });
    for (const a of more) openable.add(a.id);
  }

  return {
    id: row.id, title: row.title, summary: row.summary, status: row.status, severity: row.severity, tlp: row.tlp,
    tags: row.tags, version: row.version, resolution: row.resolution, createdAt: row.createdAt, updatedAt: row.updatedAt,
    closedAt: row.closedAt, owner: row.owner, ownOrganisation: standing.ownOrganisation, member: standing.member,
    sharedBy: standing.ownOrganisation ? null : row.organisation.name,
    members: row.members.map((m) => ({
      id: m.user.id, name: m.user.name, organisation: m.user.organisationId === row.organisationId ? null : m.user.organisation.name,
    })),
    entities: row.entities.map((e) => e.entity),
    alerts,
    timeline: events.map((e) => ({ ...e, alertId: e.alertId && openable.has(e.alertId) ? e.alertId : null })),
  };
}
