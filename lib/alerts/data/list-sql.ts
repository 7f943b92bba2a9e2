import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { Severity } from "@/lib/db/generated/enums";
import { viewerUserId, type Viewer } from "@/lib/auth/permissions";
import type { KeysetPosition } from "@/lib/db/keyset";
import { createdAtRange } from "../inbox-query";
import type { AlertListQuery, AlertSort } from "../schema";
import { alertVisibilitySql, enumIn } from "./visibility-sql";

// SQL pieces of the inbox query (alias `a` for Alert). Every value is a bound parameter; only
// fixed identifiers go through Prisma.raw.

/** Visibility plus every filter of the query: the WHERE clause shared by the page and its count. */
export function alertFilterSql(viewer: Viewer, query: AlertListQuery): Prisma.Sql {
  const and: Prisma.Sql[] = [alertVisibilitySql(viewer)];
  if (query.kind) and.push(enumIn(Prisma.sql`a."kind"`, "AlertKind", query.kind));
  if (query.severity) and.push(enumIn(Prisma.sql`a."severity"`, "Severity", query.severity));
  if (query.status) and.push(enumIn(Prisma.sql`a."status"`, "AlertStatus", query.status));
  if (query.tlp) and.push(enumIn(Prisma.sql`a."tlp"`, "Tlp", query.tlp));
  if (query.source) and.push(Prisma.sql`a."source" = ${query.source}`);
  if (query.assignee === "me") {
    const userId = viewerUserId(viewer);
    // An API token has no alerts of its own.
    and.push(userId ? Prisma.sql`a."assigneeId" = ${userId}::uuid` : Prisma.sql`FALSE`);
  } else if (query.assignee === "unassigned") {
    and.push(Prisma.sql`a."assigneeId" IS NULL`);
  } else if (query.assignee) {
    and.push(Prisma.sql`a."assigneeId" = ${query.assignee}::uuid`);
  }
  if (query.entity) {
    // An entity of another organisation only links that organisation's alerts, which the
    // visibility condition already excludes.
    and.push(Prisma.sql`a."id" IN (SELECT ae."alertId" FROM "AlertEntity" ae WHERE ae."entityId" = ${query.entity}::uuid)`);
  }
  const { gte, lt } = createdAtRange(query);
  if (gte) and.push(Prisma.sql`a."createdAt" >= ${gte.toISOString()}::timestamptz`);
  if (lt) and.push(Prisma.sql`a."createdAt" < ${lt.toISOString()}::timestamptz`);
  if (query.q) {
    // Same configuration as the trigger that fills searchVector (see the alert_triage migration);
    // websearch syntax accepts what people type ("quoted phrases", or, -minus) without errors.
    and.push(Prisma.sql`a."searchVector" @@ websearch_to_tsquery('english', ${query.q})`);
  }
  return Prisma.join(and, " AND ");
}

/** The sort columns of each order, all descending; each has a matching index on Alert. */
const ORDER: Record<AlertSort, Prisma.Sql> = {
  newest: Prisma.sql`a."createdAt" DESC, a."id" DESC`,
  severity: Prisma.sql`a."severity" DESC, a."createdAt" DESC, a."id" DESC`,
  lastSeen: Prisma.sql`a."lastSeenAt" DESC, a."id" DESC`,
};
const ORDER_REVERSED: Record<AlertSort, Prisma.Sql> = {
  newest: Prisma.sql`a."createdAt" ASC, a."id" ASC`,
  severity: Prisma.sql`a."severity" ASC, a."createdAt" ASC, a."id" ASC`,
  lastSeen: Prisma.sql`a."lastSeenAt" ASC, a."id" ASC`,
};

/** ORDER BY for a sort; `towardsNewer` walks backwards (for "previous page"). */
export function orderSql(sort: AlertSort, towardsNewer: boolean): Prisma.Sql {
  return towardsNewer ? ORDER_REVERSED[sort] : ORDER[sort];
}

const SEVERITIES: readonly string[] = ["INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"] satisfies Severity[];

/**
 * The keyset condition: rows strictly after (or, towards newer, before) a cursor position in the
 * sort's order. A row-value comparison, which PostgreSQL turns into one index range.
 */
export function keysetSql(sort: AlertSort, position: KeysetPosition, towardsNewer: boolean): Prisma.Sql {
  const op = Prisma.raw(towardsNewer ? ">" : "<");
  const at = Prisma.sql`${position.at.toISOString()}::timestamptz`;
  const id = Prisma.sql`${position.id}::uuid`;
  switch (sort) {
    case "newest":
      return Prisma.sql`(a."createdAt", a."id") ${op} (${at}, ${id})`;
    case "severity":
      return Prisma.sql`(a."severity", a."createdAt", a."id") ${op} (${position.key}::"Severity", ${at}, ${id})`;
    case "lastSeen":
      return Prisma.sql`(a."lastSeenAt", a."id") ${op} (${at}, ${id})`;
  }
}

/** A cursor position is only used with the sort that wrote it (and a valid sort key). */
export function positionFits(sort: AlertSort, position: KeysetPosition | null): position is KeysetPosition {
  if (!position) return false;
  if (sort === "newest") return position.sort === undefined && position.key === undefined;
  if (position.sort !== sort) return false;
  return sort === "severity" ? SEVERITIES.includes(position.key ?? "") : position.key === undefined;
}

/** The cursor position of a row in a sort's order. */
export function positionOf(
  sort: AlertSort,
  row: { id: string; createdAt: Date; lastSeenAt: Date; severity: Severity },
): KeysetPosition {
  switch (sort) {
    case "newest":
      return { at: row.createdAt, id: row.id };
    case "severity":
      return { sort, key: row.severity, at: row.createdAt, id: row.id };
    case "lastSeen":
      return { sort, at: row.lastSeenAt, id: row.id };
  }
}
