import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { THEME_COOKIE, parseTheme } from "@/components/shell/theme";
import { ROLE_LABELS, can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { countMyUnreadNotifications } from "@/lib/notifications/data";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const [cookieStore, unreadNotifications] = await Promise.all([cookies(), countMyUnreadNotifications(viewer)]);
  const theme = parseTheme(cookieStore.get(THEME_COOKIE)?.value);
  // Hiding links is a convenience; each page and data function checks the capability itself.
  const navItems = NAV_ITEMS.filter((item) => !item.capability || can(viewer, item.capability));

  return (
    <AppShell
      organisationName={viewer.organisationName}
      userName={viewer.name}
      roleLabel={ROLE_LABELS[viewer.role]}
      navItems={navItems}
      theme={theme}
      unreadNotifications={unreadNotifications}
    >
      {children}
    </AppShell>
  );
}
