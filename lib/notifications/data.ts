import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import { viewerUserId, type Viewer } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/http/errors";
import type { MarkNotificationReadInput } from "./schema";

// Personal notifications: each row belongs to one user in one organisation, and every query here
// is scoped by both, so nobody reads or marks anyone else's. API tokens have none.

export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  /** An app path, never a user-supplied URL. */
  href: string;
  caseId: string | null;
  actorLabel: string;
  createdAt: Date;
  readAt: Date | null;
}

export interface NotificationList {
  items: NotificationRow[];
  unreadCount: number;
}

export interface NewNotification {
  organisationId: string;
  userId: string;
  kind: string;
  title: string;
  href: string;
  caseId: string | null;
  actorLabel: string;
}

const NOTIFICATIONS_PAGE = 100;

function mine(viewer: Viewer): { userId: string; organisationId: string } | null {
  const userId = viewerUserId(viewer);
  return userId ? { userId, organisationId: viewer.organisationId } : null;
}

/** Called by other features' data functions inside their transactions. Paths only, never URLs. */
export async function createNotifications(tx: Prisma.TransactionClient, rows: readonly NewNotification[]): Promise<void> {
  if (rows.length === 0) return;
  for (const row of rows) {
    if (!row.href.startsWith("/") || row.href.startsWith("//")) throw new Error("Notification links must be app paths");
  }
  await tx.notification.createMany({ data: rows.map((r) => ({ ...r, title: r.title.slice(0, 300) })) });
}

/** The viewer's notifications, newest first, with how many are unread. */
export async function listMyNotifications(viewer: Viewer): Promise<NotificationList> {
  const where = mine(viewer);
  if (!where) return { items: [], unreadCount: 0 };
  const db = getDb();
  const [items, unreadCount] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: NOTIFICATIONS_PAGE,
      select: { id: true, kind: true, title: true, href: true, caseId: true, actorLabel: true, createdAt: true, readAt: true },
    }),
    db.notification.count({ where: { ...where, readAt: null } }),
  ]);
  return { items, unreadCount };
}

/** One cheap count for the sidebar (served by the userId, readAt index). */
export async function countMyUnreadNotifications(viewer: Viewer): Promise<number> {
  const where = mine(viewer);
  if (!where) return 0;
  return getDb().notification.count({ where: { ...where, readAt: null } });
}

export async function markNotificationRead(viewer: Viewer, input: MarkNotificationReadInput): Promise<void> {
  const where = mine(viewer);
  if (!where) throw new NotFoundError("Notification");
  const db = getDb();
  const { count } = await db.notification.updateMany({ where: { ...where, id: input.notificationId, readAt: null }, data: { readAt: new Date() } });
  if (count === 0) {
    // Already read is fine; somebody else's (or nobody's) is not found.
    const exists = await db.notification.count({ where: { ...where, id: input.notificationId } });
    if (!exists) throw new NotFoundError("Notification");
  }
}

export async function markAllNotificationsRead(viewer: Viewer): Promise<number> {
  const where = mine(viewer);
  if (!where) return 0;
  const { count } = await getDb().notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: new Date() } });
  return count;
}
