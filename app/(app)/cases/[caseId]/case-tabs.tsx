"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import styles from "./case-tabs.module.css";

interface Props {
  caseId: string;
  /** Readers from an organisation the case is shared with see only Overview, Timeline and Notes. */
  sharedReader: boolean;
}

export function CaseTabs({ caseId, sharedReader }: Props) {
  const pathname = usePathname();
  const base = `/cases/${caseId}`;
  const tabs: [string, string][] = [
    ["Overview", base],
    ["Timeline", `${base}/timeline`],
    ...(sharedReader ? [] : ([["Tasks", `${base}/tasks`]] as [string, string][])),
    ["Notes", `${base}/notes`],
    ...(sharedReader ? [] : ([["Activity", `${base}/activity`]] as [string, string][])),
  ];
  return (
    <nav aria-label="Case sections">
      <ul className={styles.tabs}>
        {tabs.map(([label, href]) => {
          const active = href === base ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link href={href} className={styles.tab} aria-current={active ? "page" : undefined}>{label}</Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
