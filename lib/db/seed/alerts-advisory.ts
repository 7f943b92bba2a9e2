import type { AlertSpec } from "./alert-spec";

// Advisories: real NCSC and government publications from FACTS.md, arriving as feed items that
// the team must act on ahead of the party's fictional 2026 leadership election.

const NCSC = "ncsc-advisories";
const GOVUK = "govuk-updates";

export const ADVISORY_ALERTS: readonly AlertSpec[] = [
  {
    key: "ballotAdvice", kind: "ADVISORY", severity: "HIGH", tlp: "GREEN", source: NCSC, sourceRef: "ncsc-2022-08-leadership-ballot",
    title: "NCSC advice for online leadership ballots: single-use security codes",
    summary:
      "NCSC advice to a party on its online leadership ballot (Aug 2022): make security codes single-use and deactivate a member's online code once their postal vote arrives. " +
      "Check the 2026 leadership election configuration before ballot packs are posted.",
    daysAgo: 52, status: "TRIAGED", assignee: "lead",
  },
  {
    key: "starBlizzardAdvisory", kind: "ADVISORY", severity: "HIGH", tlp: "CLEAR", source: NCSC, sourceRef: "ncsc-2023-12-07-star-blizzard",
    title: "Star Blizzard spear-phishing against UK politicians (joint advisory, 7 Dec 2023)",
    summary:
      "FSB Centre 18 actor impersonating known contacts, registering lookalike domains, bypassing MFA with EvilGinx and setting mail-forwarding rules. " +
      "Targets MPs, staff and their personal e-mail. Advisory re-issued with new indicators.",
    daysAgo: 47, status: "TRIAGED", occurrences: 2, spanHours: 200, entityKeys: ["starBlizzard"],
  },
  {
    key: "ddGuidance", kind: "ADVISORY", severity: "MEDIUM", tlp: "CLEAR", source: NCSC, sourceRef: "ncsc-2024-03-25-defending-democracy",
    title: "Defending Democracy guidance updated after the APT31 attribution (25 Mar 2024)",
    summary:
      "The UK attributed the 2021 tracking-e-mail campaign against parliamentarians to APT31 and the NCSC updated its guidance for people in politics. " +
      "Escalated to the APT31 case to track the actions for our MPs.",
    daysAgo: 44, status: "ESCALATED", caseKey: "apt31Recon", assignee: "lead", entityKeys: ["apt31"],
  },
  {
    kind: "ADVISORY", severity: "INFO", tlp: "CLEAR", source: NCSC, sourceRef: "ncsc-personal-internet-protection",
    title: "Personal Internet Protection: enrol MPs, candidates and key staff",
    summary: "NCSC protective DNS for the personal devices of people in politics blocks known malicious domains, including tracking hosts.",
    daysAgo: 36, status: "ACKNOWLEDGED",
  },
  {
    kind: "ADVISORY", severity: "INFO", tlp: "CLEAR", source: NCSC, sourceRef: "ncsc-account-registration",
    title: "Account Registration service for people in politics",
    summary: "NCSC can help secure the personal e-mail and social media accounts of registered individuals.",
    daysAgo: 35, status: "DISMISSED", statusReason: "All sitting MPs were registered in the spring; nothing further to do.",
  },
  {
    kind: "ADVISORY", severity: "HIGH", tlp: "GREEN", source: NCSC, sourceRef: "ncsc-exchange-proxyshell-reminder",
    title: "ProxyShell (CVE-2021-34473, CVE-2021-34523, CVE-2021-31207) still exploited on unpatched Exchange",
    summary: "The chain behind the Electoral Commission breach remains in use against on-premises Exchange servers that missed the Apr–May 2021 updates.",
    daysAgo: 57, status: "TRIAGED", assignee: "analyst",
  },
  {
    kind: "ADVISORY", severity: "LOW", tlp: "GREEN", source: GOVUK, sourceRef: "firs-political-influence-tier",
    title: "FIRS: political influence arrangements must be registered within 28 days",
    summary:
      "The Foreign Influence Registration Scheme (live since 1 Jul 2025) requires registration of arrangements to carry out political influence activities for a foreign power. " +
      "The enhanced tier specifies Iran and Russia.",
    daysAgo: 28, status: "TRIAGED", assignee: "vetting",
  },
  {
    kind: "ADVISORY", severity: "LOW", tlp: "CLEAR", source: GOVUK, sourceRef: "nsa-2023-candidate-briefing",
    title: "National Security Act 2023: foreign interference offences for candidate briefings",
    summary: "Section 13 (foreign interference, in force 20 Dec 2023) and section 14 (interfering with elections or a registered party's proceedings).",
    daysAgo: 24, status: "ACKNOWLEDGED",
  },
  {
    kind: "ADVISORY", severity: "MEDIUM", tlp: "GREEN", source: GOVUK, sourceRef: "uk-sanctions-list-single-list",
    title: "UK Sanctions List is the single UK list: check the screening import",
    summary: "Since 28 Jan 2026 the FCDO UK Sanctions List is the only UK list. Screening must read its CSV (report-date line, then one row per name).",
    daysAgo: 20, status: "TRIAGED", assignee: "vetting",
  },
  {
    kind: "ADVISORY", severity: "MEDIUM", tlp: "GREEN", source: "sanctions-feed", sourceRef: "ofsi-group-16460",
    title: "Cyber sanctions: Wuhan Xiaoruizhi Science and Technology Company Limited",
    summary: "Designated on 25 Mar 2024 (OFSI group 16460) as an APT31 front company. Added to supplier and donor screening.",
    daysAgo: 18, status: "TRIAGED", assignee: "vetting", entityKeys: ["wuhanXrz", "apt31"],
  },
  {
    kind: "ADVISORY", severity: "HIGH", tlp: "AMBER", source: NCSC, sourceRef: "ncsc-sector-evilginx-2026",
    title: "MFA-bypass phishing (EvilGinx) against parliamentary staff",
    summary: "Sector alert: adversary-in-the-middle sign-in pages capturing session cookies. Prefer phishing-resistant MFA for staff with access to member data.",
    daysAgo: 12, status: "ACKNOWLEDGED", entityKeys: ["starBlizzard"],
  },
  {
    kind: "ADVISORY", severity: "INFO", tlp: "CLEAR", source: "electoral-commission", sourceRef: "ec-donation-thresholds",
    title: "Donation reporting thresholds: £11,180 central party, £2,230 accounting units",
    summary: "A donation is a benefit over £500; report a source once its donations in a calendar year exceed the threshold.",
    daysAgo: 9, status: "DISMISSED", statusReason: "Thresholds unchanged since 1 Jan 2024 and already configured.",
  },
  {
    kind: "ADVISORY", severity: "INFO", tlp: "CLEAR", source: GOVUK, sourceRef: "postal-hand-in-limit",
    title: "Postal vote hand-in limit of five others' votes: guidance for ballot staff",
    summary: "At statutory polls since May 2024 a person may hand in at most five other people's postal votes; useful as a yardstick for party ballots.",
    daysAgo: 6,
  },
  {
    kind: "ADVISORY", severity: "LOW", tlp: "CLEAR", source: "mitre-attack", sourceRef: "T1598.003",
    title: "ATT&CK T1598.003: spear-phishing for information with web beacons",
    summary: "Technique page updated with APT31's 2021 tracking-link campaign against politicians.",
    daysAgo: 4, entityKeys: ["apt31"],
  },
  {
    kind: "ADVISORY", severity: "MEDIUM", tlp: "GREEN", source: NCSC, sourceRef: "ncsc-personal-email-targeting",
    title: "Personal e-mail accounts of politicians targeted outside parliamentary systems",
    summary: "Star Blizzard approaches MPs and staff on personal webmail where corporate controls do not apply.",
    daysAgo: 2, entityKeys: ["starBlizzard"],
  },
  {
    kind: "ADVISORY", severity: "MEDIUM", tlp: "AMBER", source: NCSC, sourceRef: "ncsc-ballot-provider-lures",
    title: "Phishing lures imitating ballot-provider notices ahead of party contests",
    summary: "Messages asking members to \"re-validate\" their security code on a lookalike site. Warn members before the 2026 leadership election closes.",
    daysAgo: 0.6,
  },
  {
    kind: "ADVISORY", severity: "LOW", tlp: "GREEN", source: "manual", sourceRef: null,
    title: "Defending Democracy Taskforce contact points for the leadership election",
    summary: "Named contacts for reporting suspected interference during the contest; recorded from the task-force liaison meeting.",
    daysAgo: 15, status: "TRIAGED", assignee: "lead",
  },
];
