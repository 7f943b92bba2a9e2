import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { AlertKind, AlertStatus, Role, Severity, Tlp } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { decodeCursor, encodeCursor } from "@/lib/db/keyset";
import { assertCan, type Viewer } from "@/lib/auth/permissions";
import type { AlertListQuery } from "../schema";
import { alertFilterSql, keysetSql, orderSql, positionFits, positionOf } from "./list-sql";

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
  /** For optimistic locking of triage actions taken from the inbox. */
  version: number;
  assignee: { id: string; name: string } | null;
}

/**
 * Counting every match is slow at 10⁶ rows, and nobody pages through ten thousand alerts: the
 * count stops at this many, and the inbox shows "10,000+" beyond it.
 */
export const ALERT_COUNT_CAP = 10_000;

export interface AlertPage {
  rows: AlertRow[];
  /** Cursor for the next page (further down the sort order), if there is one. */
  nextCursor: string | null;
  /** Cursor for the previous page, if there is one. */
  prevCursor: string | null;
}

export interface AlertCount {
  /** Alerts matching the filters, at most ALERT_COUNT_CAP. */
  total: number;
  /** True when more than ALERT_COUNT_CAP alerts match: show "10,000+". */
  capped: boolean;
}

/** The AlertRow columns for Prisma queries (the detail page builds on it). */
export const rowSelect = {
  id: true, kind: true, title: true, severity: true, tlp: true, status: true, source: true,
  occurrences: true, createdAt: true, lastSeenAt: true, version: true, assignee: { select: { id: true, name: true } },
} satisfies Prisma.AlertSelect;

interface RawAlertRow extends Omit<AlertRow, "assignee"> {
  assigneeId: string | null;
  assigneeName: string | null;
}

/**
 * The inbox: one SQL query (Prisma cannot express full-text search or row-value keysets), with
 * filters and visibility as bound parameters. Keyset-paginated in every sort order: newest on
 * (createdAt, id), severity on (severity, createdAt, id), last seen on (lastSeenAt, id), each
 * backed by an index that starts with organisationId. A search keeps the chosen order. The
 * number of matches is countAlerts().
 */
export async function listAlerts(viewer: Viewer, query: AlertListQuery): Promise<AlertPage> {
  assertCan(viewer, "alert:read");
  const db = getDb();
  const where = alertFilterSql(viewer, query);
  // A cursor from another sort order, or a tampered one, means the first page.
  const afterPos = decodeCursor(query.after);
  const after = positionFits(query.sort, afterPos) ? afterPos : null;
  const beforePos = after ? null : decodeCursor(query.before);
  const before = positionFits(query.sort, beforePos) ? beforePos : null;
  const position = after ?? before;
  const towardsNewer = !!before;

  const pageSql = Prisma.sql`
    SELECT a."id", a."kind", a."title", a."severity", a."tlp", a."status", a."source", a."occurrences",
           a."createdAt", a."lastSeenAt", a."version", u."id" AS "assigneeId", u."name" AS "assigneeName"
      FROM "Alert" a
      LEFT JOIN "User" u ON u."id" = a."assigneeId"
     WHERE ${where}${position ? Prisma.sql` AND ${keysetSql(query.sort, position, towardsNewer)}` : Prisma.empty}
     ORDER BY ${orderSql(query.sort, towardsNewer)}
     LIMIT ${query.limit + 1}`;
  const raw = await db.$queryRaw<RawAlertRow[]>(pageSql);
  const hasMore = raw.length > query.limit;
  const rows = raw.slice(0, query.limit).map(toAlertRow);
  if (towardsNewer) rows.reverse();

  const first = rows[0];
  const last = rows[rows.length - 1];
  const laterExists = towardsNewer ? true : hasMore;
  const earlierExists = towardsNewer ? hasMore : !!after;
  return {
    rows,
    nextCursor: laterExists && last ? encodeCursor(positionOf(query.sort, last)) : null,
    prevCursor: earlierExists && first ? encodeCursor(positionOf(query.sort, first)) : null,
  };
}

/**
 * How many alerts a view matches, counting no further than ALERT_COUNT_CAP. Separate from
 * listAlerts because counting is the expensive half at scale (it visits up to the cap's worth of
 * rows, the page only ~limit): the inbox streams it in after the rows, and exports skip it.
 */
export async function countAlerts(viewer: Viewer, query: AlertListQuery): Promise<AlertCount> {
  assertCan(viewer, "alert:read");
  const [{ n }] = await getDb().$queryRaw<[{ n: number }]>(Prisma.sql`
    SELECT count(*)::int AS "n"
      FROM (SELECT 1 FROM "Alert" a WHERE ${alertFilterSql(viewer, query)} LIMIT ${ALERT_COUNT_CAP + 1}) matching`);
  return { total: Math.min(n, ALERT_COUNT_CAP), capped: n > ALERT_COUNT_CAP };
}

function toAlertRow({ assigneeId, assigneeName, ...row }: RawAlertRow): AlertRow {
  return {
    ...row,
    // Driver adapters may hand back timestamps as strings; the row type promises Dates.
    createdAt: new Date(row.createdAt),
    lastSeenAt: new Date(row.lastSeenAt),
    assignee: assigneeId ? { id: assigneeId, name: assigneeName ?? "" } : null,
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
