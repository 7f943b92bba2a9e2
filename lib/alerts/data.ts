import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { AlertKind, AlertStatus, EntityKind, Role, Severity, Tlp } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { decodeCursor, encodeCursor } from "@/lib/db/keyset";
import { recordAudit } from "@/lib/audit/data";
import { assertCan, can, type Viewer } from "@/lib/auth/permissions";
import { tlpsUpTo } from "@/lib/auth/tlp";
import { ConflictError, InvalidStateError, NotFoundError } from "@/lib/http/errors";
import type { AcknowledgeAlertInput, AlertListQuery, AssignAlertInput, ChangeAlertStatusInput } from "./schema";

/**
 * What a viewer may see of alerts: their own organisation only; TLP up to their clearance, and
 * TLP:RED beyond it only as assignee or named member of the alert's case; vetting alerts only
 * for roles that may read vetting data.
 */
export function alertVisibility(viewer: Viewer): Prisma.AlertWhereInput {
  const and: Prisma.AlertWhereInput[] = [];
  if (viewer.clearance !== "RED") {
    and.push({
      OR: [
        { tlp: { in: tlpsUpTo(viewer.clearance) } },
        { tlp: "RED", assigneeId: viewer.userId },
        { tlp: "RED", case: { members: { some: { userId: viewer.userId } } } },
      ],
    });
  }
  if (!can(viewer, "vetting:read")) and.push({ kind: { not: "VETTING" } });
  return { organisationId: viewer.organisationId, AND: and };
}

export interface AlertRow {
  id: string;
  kind: AlertKind;
  title: string;
  severity: Severity;
  tlp: Tlp;
  status: AlertStatus;
  source: string;
  occurrences: number;
  createdAt: Date;
  lastSeenAt: Date;
  assignee: { id: string; name: string } | null;
}

export interface AlertPage {
  rows: AlertRow[];
  /** Cursor for the next (older) page, if there is one. */
  nextCursor: string | null;
  /** Cursor for the previous (newer) page, if there is one. */
  prevCursor: string | null;
  /** Alerts matching the filters. */
  total: number;
}

function filterWhere(viewer: Viewer, query: AlertListQuery): Prisma.AlertWhereInput {
  const where: Prisma.AlertWhereInput[] = [alertVisibility(viewer)];
  if (query.kind) where.push({ kind: { in: query.kind } });
  if (query.severity) where.push({ severity: { in: query.severity } });
  if (query.status) where.push({ status: { in: query.status } });
  if (query.tlp) where.push({ tlp: { in: query.tlp } });
  if (query.assignee === "me") where.push({ assigneeId: viewer.userId });
  else if (query.assignee === "unassigned") where.push({ assigneeId: null });
  else if (query.assignee) where.push({ assigneeId: query.assignee });
  if (query.q) {
    where.push({
      OR: [
        { title: { contains: query.q, mode: "insensitive" } },
        { summary: { contains: query.q, mode: "insensitive" } },
      ],
    });
  }
  return { AND: where };
}

const rowSelect = {
  id: true, kind: true, title: true, severity: true, tlp: true, status: true, source: true,
  occurrences: true, createdAt: true, lastSeenAt: true, assignee: { select: { id: true, name: true } },
} satisfies Prisma.AlertSelect;

/** The inbox: newest first, keyset-paginated on (createdAt, id). */
export async function listAlerts(viewer: Viewer, query: AlertListQuery): Promise<AlertPage> {
  assertCan(viewer, "alert:read");
  const db = getDb();
  const base = filterWhere(viewer, query);
  const after = decodeCursor(query.after);
  const before = after ? null : decodeCursor(query.before);
  const take = query.limit + 1;

  let rows;
  if (before) {
    // Walk towards newer rows, then flip back to newest-first.
    rows = await db.alert.findMany({
      where: { AND: [base, { OR: [{ createdAt: { gt: before.at } }, { createdAt: before.at, id: { gt: before.id } }] }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take,
      select: rowSelect,
    });
  } else {
    rows = await db.alert.findMany({
      where: after
        ? { AND: [base, { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }] }
        : base,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: rowSelect,
    });
  }
  const hasMore = rows.length > query.limit;
  rows = rows.slice(0, query.limit);
  if (before) rows.reverse();
  const total = await db.alert.count({ where: base });

  const first = rows[0];
  const last = rows[rows.length - 1];
  const olderExists = before ? true : hasMore;
  const newerExists = before ? hasMore : !!after;
  return {
    rows,
    total,
    nextCursor: olderExists && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
    prevCursor: newerExists && first ? encodeCursor({ at: first.createdAt, id: first.id }) : null,
  };
}

export interface AlertCounts {
  open: number;
  bySeverity: Record<Severity, number>;
}

const OPEN_STATUSES: AlertStatus[] = ["NEW", "ACKNOWLEDGED", "TRIAGED"];

/** Open alerts by severity, for the inbox header. */
export async function countOpenAlerts(viewer: Viewer): Promise<AlertCounts> {
  assertCan(viewer, "alert:read");
  const groups = await getDb().alert.groupBy({
    by: ["severity"],
    where: { AND: [alertVisibility(viewer), { status: { in: OPEN_STATUSES } }] },
    _count: { _all: true },
  });
  const bySeverity: Record<Severity, number> = { INFO: 0, LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 };
  for (const g of groups) bySeverity[g.severity] = g._count._all;
  return { open: groups.reduce((n, g) => n + g._count._all, 0), bySeverity };
}

export interface AlertDetail extends AlertRow {
  summary: string;
  sourceRef: string | null;
  statusReason: string | null;
  firstSeenAt: Date;
  acknowledgedAt: Date | null;
  triagedAt: Date | null;
  closedAt: Date | null;
  version: number;
  case: { id: string; title: string } | null;
  entities: { id: string; kind: EntityKind; name: string; aliases: string[]; externalIds: { system: string; value: string }[] }[];
  history: { id: string; action: string; actorLabel: string; summary: unknown; createdAt: Date }[];
}

export async function getAlert(viewer: Viewer, alertId: string): Promise<AlertDetail> {
  assertCan(viewer, "alert:read");
  const db = getDb();
  const alert = await db.alert.findFirst({
    where: { AND: [{ id: alertId }, alertVisibility(viewer)] },
    select: {
      ...rowSelect,
      summary: true, sourceRef: true, statusReason: true, firstSeenAt: true, acknowledgedAt: true,
      triagedAt: true, closedAt: true, version: true,
      // A case the viewer cannot open is not named here.
      case: { select: { id: true, title: true, tlp: true } },
      entities: {
        where: { entity: { organisationId: viewer.organisationId } },
        select: {
          entity: {
            select: {
              id: true, kind: true, name: true, aliases: true,
              externalIds: { select: { system: true, value: true } },
            },
          },
        },
        orderBy: { entity: { name: "asc" } },
      },
    },
  });
  if (!alert) throw new NotFoundError("Alert");
  const history = await db.auditEvent.findMany({
    where: { organisationId: viewer.organisationId, targetType: "Alert", targetId: alert.id },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, action: true, actorLabel: true, summary: true, createdAt: true },
  });
  const { case: linkedCase, entities, ...rest } = alert;
  return {
    ...rest,
    case: linkedCase ? { id: linkedCase.id, title: linkedCase.title } : null,
    entities: entities.map((e) => e.entity),
    history,
  };
}

export interface Assignee {
  id: string;
  name: string;
  role: Role;
}

/** People in the viewer's organisation who can take an alert. */
export async function listAssignableUsers(viewer: Viewer): Promise<Assignee[]> {
  assertCan(viewer, "alert:read");
  return getDb().user.findMany({
    where: { organisationId: viewer.organisationId, disabled: false, role: { in: ["ADMIN", "LEAD", "ANALYST", "VETTING"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true },
  });
}

type Tx = Prisma.TransactionClient;

/** Loads a visible alert for update and checks its version; throws NotFound or Conflict. */
async function loadForUpdate(tx: Tx, viewer: Viewer, alertId: string, version: number) {
  const alert = await tx.alert.findFirst({
    where: { AND: [{ id: alertId }, alertVisibility(viewer)] },
    select: { id: true, status: true, version: true, assigneeId: true, acknowledgedAt: true, triagedAt: true, closedAt: true },
  });
  if (!alert) throw new NotFoundError("Alert");
  if (alert.version !== version) {
    throw new ConflictError("Someone else changed this alert. Review the current state and try again.", alert);
  }
  return alert;
}

/** Writes the update only if the version is still the one read: no lost writes. */
async function writeVersioned(tx: Tx, alertId: string, version: number, data: Prisma.AlertUncheckedUpdateManyInput) {
  const { count } = await tx.alert.updateMany({ where: { id: alertId, version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw new ConflictError("Someone else changed this alert. Review the current state and try again.");
}

export async function acknowledgeAlert(viewer: Viewer, input: AcknowledgeAlertInput): Promise<void> {
  assertCan(viewer, "alert:triage");
  await getDb().$transaction(async (tx) => {
    const alert = await loadForUpdate(tx, viewer, input.alertId, input.version);
    if (alert.status !== "NEW") throw new InvalidStateError(`Only new alerts can be acknowledged; this one is ${alert.status.toLowerCase()}.`);
    const now = new Date();
    await writeVersioned(tx, alert.id, input.version, { status: "ACKNOWLEDGED", acknowledgedAt: now, statusReason: null });
    await recordAudit(tx, viewer, {
      action: "alert.acknowledge",
      targetType: "Alert",
      targetId: alert.id,
      summary: { before: { status: alert.status }, after: { status: "ACKNOWLEDGED" } },
    });
  });
}

export async function assignAlert(viewer: Viewer, input: AssignAlertInput): Promise<void> {
  assertCan(viewer, "alert:triage");
  if (input.assigneeId !== viewer.userId) assertCan(viewer, "alert:assign-others");
  await getDb().$transaction(async (tx) => {
    const alert = await loadForUpdate(tx, viewer, input.alertId, input.version);
    let assigneeName: string | null = null;
    if (input.assigneeId) {
      const assignee = await tx.user.findFirst({
        where: { id: input.assigneeId, organisationId: viewer.organisationId, disabled: false, role: { in: ["ADMIN", "LEAD", "ANALYST", "VETTING"] } },
        select: { name: true },
      });
      if (!assignee) throw new NotFoundError("Assignee");
      assigneeName = assignee.name;
    }
    await writeVersioned(tx, alert.id, input.version, { assigneeId: input.assigneeId });
    await recordAudit(tx, viewer, {
      action: "alert.assign",
      targetType: "Alert",
      targetId: alert.id,
      summary: { before: { assigneeId: alert.assigneeId }, after: { assigneeId: input.assigneeId, assigneeName } },
    });
  });
}

export async function changeAlertStatus(viewer: Viewer, input: ChangeAlertStatusInput): Promise<void> {
  assertCan(viewer, "alert:triage");
  await getDb().$transaction(async (tx) => {
    const alert = await loadForUpdate(tx, viewer, input.alertId, input.version);
    if (alert.status === "ESCALATED" || alert.status === "MERGED") {
      throw new InvalidStateError(`This alert is ${alert.status.toLowerCase()}; change it from its case instead.`);
    }
    if (alert.status === input.status) throw new InvalidStateError(`This alert is already ${input.status.toLowerCase()}.`);
    const now = new Date();
    const data: Prisma.AlertUncheckedUpdateManyInput = { status: input.status, statusReason: input.reason };
    if (input.status !== "NEW" && !alert.acknowledgedAt) data.acknowledgedAt = now;
    if ((input.status === "TRIAGED" || input.status === "DISMISSED") && !alert.triagedAt) data.triagedAt = now;
    data.closedAt = input.status === "DISMISSED" ? now : null;
    await writeVersioned(tx, alert.id, input.version, data);
    await recordAudit(tx, viewer, {
      action: "alert.status",
      targetType: "Alert",
      targetId: alert.id,
      summary: { before: { status: alert.status }, after: { status: input.status }, reason: input.reason },
    });
  });
}
