import type { AlertSpec } from "./alert-spec";

// Incidents on the party's own estate, shaped after the public APT31 and Star Blizzard tradecraft.
// Domains use the reserved .example names; mailboxes are described by role, never by person.

const MAIL = "mail-gateway";
const IDP = "identity-provider";
const DOMAINS = "domain-monitor";
const SCAN = "attack-surface-scan";

export const INCIDENT_ALERTS: readonly AlertSpec[] = [
  {
    key: "trackingPixelWave1", kind: "INCIDENT", severity: "HIGH", tlp: "AMBER", source: MAIL, sourceRef: "MGW-48213",
    title: "Tracking-pixel e-mails to three party MPs",
    summary:
      "Newsletter-style e-mails with a one-pixel remote image on track.example-newsletter.net and a per-recipient token. " +
      "Opening one reveals the reader's IP address, location and device, as in APT31's 2021 campaign.",
    daysAgo: 41, status: "ESCALATED", caseKey: "apt31Recon", assignee: "analyst", occurrences: 14, spanHours: 30,
    entityKeys: ["apt31", "trackingHost"],
  },
  {
    kind: "INCIDENT", severity: "HIGH", tlp: "AMBER", source: MAIL, sourceRef: "MGW-51877",
    title: "Tracking-pixel e-mails to party MPs (second wave)",
    summary: "Same host and token format as MGW-48213, sent to two further MPs and a committee clerk.",
    daysAgo: 26, status: "MERGED", mergedInto: "trackingPixelWave1", statusReason: "Same campaign as MGW-48213.",
    occurrences: 5, spanHours: 8, entityKeys: ["trackingHost"],
  },
  {
    kind: "INCIDENT", severity: "MEDIUM", tlp: "AMBER", source: "protective-dns", sourceRef: "pdns-blocked-track-example-newsletter",
    title: "Protective DNS blocked lookups of track.example-newsletter.net from six devices",
    summary: "Personal Internet Protection sinkholed the tracking host on MPs' phones; the e-mails had been opened on personal devices.",
    daysAgo: 39, status: "TRIAGED", occurrences: 9, spanHours: 72, entityKeys: ["trackingHost"],
  },
  {
    key: "exchangeExposure", kind: "INCIDENT", severity: "CRITICAL", tlp: "AMBER_STRICT", source: SCAN, sourceRef: "asm-exch-regional-01",
    title: "Legacy Exchange server exposed to the ProxyShell chain",
    summary:
      "The regional office's hybrid Exchange server is reachable from the internet on a build without the Apr–May 2021 fixes — the chain used against the Electoral Commission.",
    daysAgo: 56, status: "ESCALATED", caseKey: "electoralCommission", assignee: "analyst",
  },
  {
    kind: "INCIDENT", severity: "HIGH", tlp: "AMBER_STRICT", source: "edr", sourceRef: "edr-7731904",
    title: "Script file written to the IIS web directory on the legacy Exchange server",
    summary: "New .aspx file under the Exchange virtual directory shortly after exposure was reported.",
    daysAgo: 55, status: "DISMISSED", statusReason: "Hash matches a Microsoft-signed update file; not a web shell.",
  },
  {
    key: "lookalikeMembers", kind: "INCIDENT", severity: "HIGH", tlp: "AMBER", source: DOMAINS, sourceRef: "dom-progressivereform-members.example",
    title: "Lookalike domain registered: progressivereform-members.example",
    summary: "Registered through a privacy proxy with a sign-in page copied from the members' portal. Takedown requested.",
    daysAgo: 31, status: "TRIAGED", entityKeys: ["lookalikeDomain"],
  },
  {
    kind: "INCIDENT", severity: "LOW", tlp: "AMBER", source: DOMAINS, sourceRef: "dom-progressivereform-members.example-renewal",
    title: "Lookalike domain re-registered: progressivereform-members.example",
    summary: "Registrar change on the same lookalike after the takedown request.",
    daysAgo: 29, status: "MERGED", mergedInto: "lookalikeMembers", statusReason: "Same domain; tracked on the original alert.",
    entityKeys: ["lookalikeDomain"],
  },
  {
    kind: "INCIDENT", severity: "MEDIUM", tlp: "AMBER", source: DOMAINS, sourceRef: "dom-progresslve-reform.example",
    title: "Lookalike domain registered: progresslve-reform.example",
    summary: "Typosquat replacing \"i\" with \"l\". Mail exchanger configured; no web content yet.",
    daysAgo: 30, status: "TRIAGED",
  },
  {
    kind: "INCIDENT", severity: "HIGH", tlp: "AMBER", source: DOMAINS, sourceRef: "dom-progressivereform-ballot.example",
    title: "Lookalike domain registered: progressivereform-ballot.example",
    summary: "Imitates the leadership-election voting site; could be used to harvest members' security codes.",
    daysAgo: 11, status: "ACKNOWLEDGED",
  },
  {
    kind: "INCIDENT", severity: "MEDIUM", tlp: "AMBER", source: DOMAINS, sourceRef: "dom-prp-leadership2026.example",
    title: "Lookalike domain registered: prp-leadership2026.example",
    summary: "Newly registered; certificate issued within the hour.",
    daysAgo: 3,
  },
  {
    kind: "INCIDENT", severity: "HIGH", tlp: "AMBER_STRICT", source: IDP, sourceRef: "idp-impossible-travel-55102",
    title: "Impossible travel: press officer signed in from London and Singapore within 40 minutes",
    summary: "Successful sign-ins from two countries; the second used a new device.",
    daysAgo: 22, status: "DISMISSED", statusReason: "Commercial VPN exit node; confirmed with the user by phone.",
  },
  {
    kind: "INCIDENT", severity: "HIGH", tlp: "AMBER", source: IDP, sourceRef: "idp-spray-55870",
    title: "Password spray against constituency office accounts",
    summary: "Failed sign-ins against 42 accounts from one hosting provider, a few attempts per account to stay under lockout.",
    daysAgo: 17, status: "TRIAGED", occurrences: 6, spanHours: 20,
  },
  {
    kind: "INCIDENT", severity: "HIGH", tlp: "AMBER_STRICT", source: IDP, sourceRef: "idp-mfa-fatigue-56311",
    title: "MFA push fatigue: 23 prompts in ten minutes for a caseworker account",
    summary: "Repeated push requests after a correct password; the user denied them all.",
    daysAgo: 8, status: "ACKNOWLEDGED",
  },
  {
    kind: "INCIDENT", severity: "MEDIUM", tlp: "AMBER", source: IDP, sourceRef: "idp-admin-portal-57010",
    title: "Suspicious pattern of log-in requests to the members' database admin portal",
    summary: "Slow, regular failed log-ins against administrator names — the signal that finally exposed the Electoral Commission intrusion.",
    daysAgo: 1.5, occurrences: 3, spanHours: 9,
  },
  {
    key: "forwardingRule", kind: "INCIDENT", severity: "CRITICAL", tlp: "RED", source: MAIL, sourceRef: "MGW-RULE-2231",
    title: "Mail-forwarding rule to an external address created on a staffer mailbox",
    summary:
      "A hidden inbox rule forwards every message from the leader's office to a webmail address, created from a session that followed a phishing click. " +
      "Matches Star Blizzard tradecraft.",
    daysAgo: 6, status: "TRIAGED", assignee: "lead", entityKeys: ["starBlizzard"],
  },
  {
    kind: "INCIDENT", severity: "HIGH", tlp: "AMBER", source: MAIL, sourceRef: "MGW-52940",
    title: "Spear-phishing impersonating a known think-tank contact",
    summary: "Conversation started from a lookalike address, followed days later by a \"shared document\" link — Star Blizzard's pattern.",
    daysAgo: 14, status: "TRIAGED", entityKeys: ["starBlizzard"],
  },
  {
    kind: "INCIDENT", severity: "CRITICAL", tlp: "AMBER", source: MAIL, sourceRef: "MGW-53318",
    title: "Credential-phishing page mimicking the party's Microsoft 365 sign-in",
    summary: "Adversary-in-the-middle proxy (EvilGinx pattern) capturing session cookies; two staff submitted credentials. Sessions revoked.",
    daysAgo: 10, status: "TRIAGED", assignee: "analyst", entityKeys: ["starBlizzard"],
  },
  {
    kind: "INCIDENT", severity: "MEDIUM", tlp: "AMBER_STRICT", source: "manual", sourceRef: null,
    title: "MP's personal webmail targeted with a fake \"document shared\" lure",
    summary: "Reported by the MP's office; outside party systems, so no gateway logs.",
    daysAgo: 5, status: "ACKNOWLEDGED", entityKeys: ["starBlizzard"],
  },
  {
    kind: "INCIDENT", severity: "LOW", tlp: "GREEN", source: MAIL, sourceRef: "MGW-47011",
    title: "Outbound spam from a local branch's newsletter relay",
    summary: "Burst of spam sent through a branch website's mailing-list plug-in.",
    daysAgo: 45, status: "DISMISSED", statusReason: "Compromised plug-in on a branch site, cleaned up; not connected to party mail.",
  },
  {
    kind: "INCIDENT", severity: "MEDIUM", tlp: "AMBER", source: SCAN, sourceRef: "asm-vpn-regional-02",
    title: "Unpatched VPN appliance at a regional office",
    summary: "Firmware two releases behind; vendor reports active exploitation of the gap.",
    daysAgo: 37, status: "TRIAGED",
  },
  {
    kind: "INCIDENT", severity: "HIGH", tlp: "RED", source: "manual", sourceRef: null,
    title: "Member-data export from a volunteer account due to be disabled",
    summary: "Large export of members' contact details the day before the account's scheduled removal.",
    daysAgo: 19, status: "TRIAGED", assignee: "lead",
  },
  {
    kind: "INCIDENT", severity: "LOW", tlp: "AMBER", source: "edr", sourceRef: "edr-7790112",
    title: "Unusual DNS TXT lookups from a caseworker laptop",
    summary: "High rate of TXT queries to one new domain; may be a misbehaving browser extension.",
    daysAgo: 0.3,
  },
  {
    kind: "INCIDENT", severity: "LOW", tlp: "GREEN", source: "manual", sourceRef: null,
    title: "Reported phishing: fake invitation to an embassy reception",
    summary: "Forwarded by a councillor; RSVP link leads to a sign-in page.",
    daysAgo: 2.5, status: "ACKNOWLEDGED",
  },
  {
    kind: "INCIDENT", severity: "MEDIUM", tlp: "AMBER", source: MAIL, sourceRef: "MGW-55604",
    title: "Tracking pixel in an e-mail to a candidate's constituency inbox",
    summary: "Same tracking host as the recent e-mails to MPs, now aimed at a prospective candidate.",
    daysAgo: 0.9, entityKeys: ["trackingHost"],
  },
];
