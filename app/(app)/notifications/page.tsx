import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { formatAge, formatDateTime } from "@/lib/format";
import { listMyNotifications } from "@/lib/notifications/data";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

/** Notification links are app paths written by the server; refuse anything else all the same. */
function appPath(href: string): string {
  return href.startsWith("/") && !href.startsWith("//") ? href : "/";
}

export default async function NotificationsPage() {
  const viewer = await requireViewer();
  const { items, unreadCount } = await listMyNotifications(viewer);
  const now = new Date();

  return (
    <div className="page">
      <PageHeader
        title="Notifications"
        description={unreadCount ? `${unreadCount} unread` : "You are all caught up."}
        actions={unreadCount ? (
          <form action={markAllNotificationsReadAction}>
            <button type="submit" className="btn">Mark all as read</button>
          </form>
        ) : null}
      />
      {items.length === 0 ? (
        <EmptyState title="No notifications yet">When a colleague mentions you in a case note, it appears here.</EmptyState>
      ) : (
        <ul className="entity-list" aria-label="Your notifications">
          {items.map((n) => (
            <li key={n.id} className="row" style={{ justifyContent: "space-between" }}>
              <div>
                {n.readAt ? null : <strong className="badge">Unread</strong>}{" "}
                <Link href={appPath(n.href)}>{n.readAt ? n.title : <strong>{n.title}</strong>}</Link>
                <div className="muted">
                  <time dateTime={n.createdAt.toISOString()} title={formatDateTime(n.createdAt)}>{formatAge(n.createdAt, now)}</time>
                </div>
              </div>
              {n.readAt ? null : (
                <form action={markNotificationReadAction}>
                  <input type="hidden" name="notificationId" value={n.id} />
                  <button type="submit" className="btn btn-sm btn-ghost">Mark as read</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
