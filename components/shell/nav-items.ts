import type { Capability } from "@/lib/auth/permissions";

export type NavIcon =
  | "overview" | "alerts" | "cases" | "briefings" | "vetting" | "ballots" | "advisories" | "admin";

export interface NavItem {
  href: string;
  label: string;
  icon: NavIcon;
  /** Shown only to roles with this capability. Hiding is a convenience; pages check again. */
  capability?: Capability;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Overview", icon: "overview" },
  { href: "/alerts", label: "Alerts", icon: "alerts" },
  { href: "/cases", label: "Cases", icon: "cases" },
  { href: "/briefings", label: "Briefings", icon: "briefings" },
  { href: "/vetting", label: "Vetting", icon: "vetting", capability: "vetting:read" },
  { href: "/ballots", label: "Ballots", icon: "ballots" },
  { href: "/advisories", label: "Advisories", icon: "advisories" },
  { href: "/admin", label: "Admin", icon: "admin", capability: "admin:users" },
];

/** The current item: exact match for Overview, the section and everything below it otherwise. */
export function isCurrentPath(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}
