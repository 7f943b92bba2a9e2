import type { ReactNode } from "react";
import { signOutEverywhereAction } from "@/app/(app)/account-actions";
import { BrandMark } from "./brand-mark";
import type { NavItem } from "./nav-items";
import { NavLinks } from "./nav-links";
import { NotificationsLink } from "./notifications-link";
import { SignOutButton } from "./sign-out-button";
import type { Theme } from "./theme";
import { ThemeToggle } from "./theme-toggle";

export interface AppShellProps {
  organisationName: string;
  userName: string;
  roleLabel: string;
  navItems: readonly NavItem[];
  theme: Theme;
  /** Unread personal notifications, shown beside the Notifications link. */
  unreadNotifications: number;
  children: ReactNode;
}

export function AppShell({ organisationName, userName, roleLabel, navItems, theme, unreadNotifications, children }: AppShellProps) {
  return (
    <div className="app-shell">
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <header className="sidebar">
        <div className="sidebar-brand">
          <BrandMark size={22} />
          <div>
            <span className="brand-name">Vigil</span>
            <span className="brand-org" title={organisationName}>
              {organisationName}
            </span>
          </div>
        </div>
        <nav className="sidebar-nav" aria-label="Main">
          <NavLinks items={navItems} />
          <ul className="nav-list">
            <li><NotificationsLink unread={unreadNotifications} /></li>
          </ul>
        </nav>
        <section className="sidebar-footer" aria-label="Your account">
          <p className="user-card">
            <span className="user-name">{userName}</span>
            <span className="user-role">{roleLabel}</span>
          </p>
          <ThemeToggle initialTheme={theme} />
          <SignOutButton />
          <form action={signOutEverywhereAction}>
            <button type="submit" className="btn btn-ghost btn-sm btn-block">
              Sign out everywhere
            </button>
          </form>
        </section>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
