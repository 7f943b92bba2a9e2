import type { AlertSpec } from "./alert-spec";

// A few alerts in the task force's own inbox, so that its users see a non-empty organisation and
// cross-organisation tests have something on the other side to fail to see.

export const TASKFORCE_ALERTS: readonly AlertSpec[] = [
  {
    org: "taskforce", kind: "ADVISORY", severity: "MEDIUM", tlp: "CLEAR", source: "ncsc-advisories", sourceRef: "ncsc-2023-12-07-star-blizzard",
    title: "Star Blizzard joint advisory (7 Dec 2023) re-circulated to party security leads",
    summary: "Confirm each registered party has checked for mail-forwarding rules and lookalike domains.",
    daysAgo: 47, status: "TRIAGED", entityKeys: ["starBlizzard"],
  },
  {
    org: "taskforce", kind: "INCIDENT", severity: "HIGH", tlp: "AMBER", source: "party-reports", sourceRef: "pr-2026-031",
    title: "Lookalike domains aimed at several parties' members' portals",
    summary: "Three parties reported lookalikes registered through the same privacy proxy within a week.",
    daysAgo: 10, status: "ACKNOWLEDGED",
  },
  {
    org: "taskforce", kind: "INCIDENT", severity: "HIGH", tlp: "GREEN", source: "party-reports", sourceRef: "pr-2026-036",
    title: "Tracking-pixel indicators shared by a party",
    summary: "Host and token format match APT31's 2021 campaign against parliamentarians.",
    daysAgo: 3, entityKeys: ["apt31"],
  },
];
