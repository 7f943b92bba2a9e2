"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { isCurrentPath, type NavIcon, type NavItem } from "./nav-items";

// 24px grid, stroked in currentColor. Decorative: every link carries its label as text.
const ICON_PATHS: Record<NavIcon, string> = {
  overview: "M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z",
  alerts: "M6 16v-5a6 6 0 0 1 12 0v5l2 2H4zM10 20.5a2 2 0 0 0 4 0",
  cases: "M3 6.5A1.5 1.5 0 0 1 4.5 5H9l2 2h8.5A1.5 1.5 0 0 1 21 8.5v9a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5z",
  briefings: "M3 4h18M5 4v11h14V4M12 15v5M8 20h8M8.5 11l2.5-2.5 2 2 3-3",
  vetting: "M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2.5 21a6.5 6.5 0 0 1 13 0M16 10.5l2 2 4-4",
  ballots: "M4 12h16v8H4zM7.5 12V4h9v8M10 8h4",
  advisories: "M12 3l8 3v6c0 4.6-3.4 8-8 9-4.6-1-8-4.4-8-9V6zM12 8v4.5M12 16v.01",
  admin: "M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1M17 6a2 2 0 1 1-4 0 2 2 0 0 1 4 0zM11 12a2 2 0 1 1-4 0 2 2 0 0 1 4 0zM19 18a2 2 0 1 1-4 0 2 2 0 0 1 4 0z",
};

export function NavLinks({ items }: { items: readonly NavItem[] }) {
  const pathname = usePathname() ?? "/";
  return (
    <ul className="nav-list">
      {items.map((item) => {
        const current = isCurrentPath(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              className="nav-link"
              aria-current={current ? "page" : undefined}
            >
              <svg
                className="nav-icon"
                viewBox="0 0 24 24"
                width="16"
                height="16"
                aria-hidden="true"
                focusable="false"
              >
                <path
                  d={ICON_PATHS[item.icon]}
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.8"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                />
              </svg>
              <span>{item.label}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
