"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The sidebar's way to personal notifications, with the unread count as text (not only a dot). */
export function NotificationsLink({ unread }: { unread: number }) {
  const pathname = usePathname() ?? "/";
  const current = pathname === "/notifications";
  const label = unread === 0 ? "Notifications" : `Notifications, ${unread} unread`;
  return (
    <Link href="/notifications" className="nav-link" aria-current={current ? "page" : undefined} aria-label={label}>
      <svg className="nav-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
        <path
          d="M4 6h16v11H8l-4 3zM8 10h8M8 13h5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span>Notifications</span>
      {unread > 0 ? <strong className="badge" aria-hidden="true">{unread > 99 ? "99+" : unread}</strong> : null}
    </Link>
  );
}
