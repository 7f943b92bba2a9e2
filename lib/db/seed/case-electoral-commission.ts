import type { CaseSpec } from "./case-spec";
import { utcDay } from "./random";

// Dates and findings from the ICO reprimand (2024), Civil Service World (2023) and NCSC (2024),
// as summarised in FACTS.md. The party tracks it because the stolen register copies were used for
// donation permissibility checks, and because its own estate ran the same Exchange chain.

const ICO = "ICO reprimand to the Electoral Commission (2024)";

export const ELECTORAL_COMMISSION_CASE: CaseSpec = {
  key: "electoralCommission",
  title: "Electoral Commission breach",
  summary:
    "China state-affiliated access to the Electoral Commission's on-premises Exchange (Aug 2021 – Oct 2022). " +
    "Reference copies of the electoral registers 2014–2022 were exposed; the party relied on them for donor permissibility checks. " +
    "Our own legacy Exchange server was found exposed to the same ProxyShell chain and has been isolated.",
  status: "CONTAINED",
  severity: "HIGH",
  tlp: "AMBER",
  tags: ["exchange", "proxyshell", "electoral-registers", "china"],
  createdDaysAgo: 58,
  entityKeys: ["electoralCommission"],
  sharedWith: [],
  timeline: [
    {
      at: { date: utcDay(2021, 4) }, precision: "MONTH",
      title: "Microsoft releases patches for the ProxyShell chain (Apr–May 2021)",
      detail: "CVE-2021-34473, CVE-2021-34523 and CVE-2021-31207 fixed in the April and May 2021 Exchange Server updates.",
      source: ICO, confidence: "ALMOST_CERTAIN", tags: ["vulnerability", "patch"], tlp: "CLEAR",
    },
    {
      at: { date: utcDay(2021, 8, 24) }, precision: "DAY",
      title: "First access through unpatched on-premises Exchange",
      detail: "The attacker exploited ProxyShell on the Commission's Exchange server and installed web shells.",
      source: ICO, confidence: "ALMOST_CERTAIN", tags: ["first-access"], tlp: "CLEAR", key: true, entityKeys: ["electoralCommission"],
    },
    {
      at: { date: utcDay(2021, 9, 16) }, precision: "DAY",
      title: "Web shells reused", detail: "Web shells installed on 24 Aug 2021 used again.",
      source: ICO, confidence: "HIGHLY_LIKELY", tags: ["persistence"], tlp: "CLEAR",
    },
    {
      at: { date: utcDay(2021, 10, 28) }, precision: "DAY",
      title: "Staff report spam sent from the Commission's mail server",
      detail: "Treated as an isolated incident, although the NCSC advised a wider investigation.",
      source: "Civil Service World (2023); " + ICO, confidence: "ALMOST_CERTAIN", tags: ["missed-signal"], tlp: "CLEAR",
    },
    {
      at: { date: utcDay(2022, 3, 14) }, precision: "DAY",
      title: "Further ProxyShell exploitation and backdoors",
      detail: "The server was exploited again and further backdoors installed.",
      source: ICO, confidence: "HIGHLY_LIKELY", tags: ["persistence"], tlp: "CLEAR",
    },
    {
      at: { date: utcDay(2022, 6, 13) }, precision: "DAY",
      title: "Web shells reused", detail: "Second reuse of the web shells.",
      source: ICO, confidence: "HIGHLY_LIKELY", tags: ["persistence"], tlp: "CLEAR",
    },
    {
      at: { date: utcDay(2022, 8, 2) }, precision: "DAY",
      title: "Web shells reused", detail: "Third reuse of the web shells.",
      source: ICO, confidence: "HIGHLY_LIKELY", tags: ["persistence"], tlp: "CLEAR",
    },
    {
      at: { date: utcDay(2022, 10) }, precision: "MONTH",
      title: "Intrusion detected",
      detail: "Detected through \"a suspicious pattern of log-in requests\" to the Commission's systems.",
      source: ICO, confidence: "ALMOST_CERTAIN", tags: ["detection"], tlp: "CLEAR", key: true,
    },
    {
      at: { date: utcDay(2023, 8, 8) }, precision: "DAY",
      title: "Electoral Commission announces the breach",
      detail:
        "Reference copies of the electoral registers 2014–2022 (names and addresses, about 40 million people per register, and overseas electors' names), " +
        "kept for research and for permissibility checks on political donations, were accessible, as was the e-mail system. The donations system was not affected.",
      source: "Electoral Commission statement, 8 Aug 2023", confidence: "ALMOST_CERTAIN", tags: ["disclosure"], tlp: "CLEAR", key: true,
      entityKeys: ["electoralCommission"],
    },
    {
      at: { date: utcDay(2024, 3, 25) }, precision: "DAY",
      title: "UK attributes the breach to a China state-affiliated actor",
      detail: "Announced with the APT31 attribution, but the statement does not name APT31 for this breach; keep the two separate.",
      source: "Hansard and NCSC, 25 Mar 2024", confidence: "HIGHLY_LIKELY", tags: ["attribution"], tlp: "CLEAR", key: true,
    },
    {
      at: { date: utcDay(2024, 7, 30) }, precision: "DAY",
      title: "ICO reprimands the Electoral Commission (about 30 Jul 2024)",
      detail:
        "Security patches had not been applied and passwords were left \"identical or similar\" to those issued by the service desk. " +
        "Remediation: MFA, a password policy, monitoring and firewall rules.",
      source: ICO, confidence: "ALMOST_CERTAIN", tags: ["regulatory", "containment"], tlp: "CLEAR", key: true,
      entityKeys: ["electoralCommission"],
    },
    {
      at: { alert: "exchangeExposure" }, precision: "MINUTE",
      title: "Party scan finds legacy Exchange server exposed to the ProxyShell chain",
      detail: "The regional-office hybrid Exchange server answered on the vulnerable autodiscover path. No web shells found so far.",
      source: "External attack-surface scan", confidence: "LIKELY", tags: ["detection", "party-exposure"], tlp: "AMBER",
      alertKey: "exchangeExposure",
    },
    {
      at: { alert: "exchangeExposure", plusHours: 30 }, precision: "MINUTE",
      title: "Legacy Exchange server isolated and patched",
      detail: "Server taken off the internet, cumulative update applied, service-desk passwords rotated, MFA enforced on every mailbox.",
      source: "Party IT change record", confidence: "ALMOST_CERTAIN", tags: ["containment"], tlp: "AMBER", key: true,
    },
  ],
  tasks: [
    { title: "Confirm no party system still runs an Exchange build exposed to ProxyShell", status: "DONE", assignee: "analyst", createdDaysAgo: 50 },
    { title: "Re-run donor permissibility checks made against the 2014–2022 register copies", status: "IN_PROGRESS", assignee: "lead", createdDaysAgo: 45, dueInDays: 10 },
    { title: "Replace service-desk-issued passwords and enforce MFA for constituency offices", status: "TODO", assignee: "analyst", createdDaysAgo: 20, dueInDays: 14 },
  ],
  notes: [
    {
      author: "lead", shareable: false, createdDaysAgo: 57,
      body:
        "## Why this case exists\n\nThe Commission's register copies were the reference we used for **permissibility checks on donations**. " +
        "Until the Commission confirms integrity, treat any check made against them as unverified.\n\n- Owner: security lead\n- Keep separate from the APT31 reconnaissance case",
    },
    {
      author: "analyst", shareable: false, createdDaysAgo: 30,
      body:
        "Exchange exposure closed. Lessons from the ICO reprimand applied here:\n\n1. Patch within 14 days of release\n2. No passwords issued by the service desk survive first log-in\n3. Alert on unusual log-in patterns (that is how the Commission finally spotted it)",
    },
  ],
};
