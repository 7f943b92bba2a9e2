import type { CaseSpec } from "./case-spec";
import { utcDay } from "./random";

// Public facts from Hansard and the NCSC (25 Mar 2024) and the US DoJ EDNY indictment (2024).
// TLP:GREEN and shared with the task force; the party's own detections stay AMBER, so a task-force
// reviewer who is not a case member sees the public story but not the party's mailboxes.

const HANSARD = "Hansard and NCSC, 25 Mar 2024";

export const APT31_CASE: CaseSpec = {
  key: "apt31Recon",
  title: "APT31 reconnaissance of parliamentarians",
  summary:
    "APT31 sent e-mails with hidden tracking links and pixels to parliamentarians in 2021, mostly critics of China. " +
    "Opening one leaked the reader's location, IP address and device details. Tracking-pixel e-mails reached three of our MPs in recent weeks; " +
    "the host is blocked and MPs are being enrolled in Personal Internet Protection.",
  status: "INVESTIGATING",
  severity: "HIGH",
  tlp: "GREEN",
  tags: ["apt31", "reconnaissance", "tracking-pixel", "parliamentarians"],
  createdDaysAgo: 40,
  entityKeys: ["apt31", "wuhanXrz", "trackingHost"],
  sharedWith: ["taskforce"],
  timeline: [
    {
      at: { date: utcDay(2021, 1) }, precision: "YEAR",
      title: "Tracking e-mails sent to parliamentarians",
      detail:
        "More than 1,000 e-mails to over 400 accounts linked to IPAC, including 43 UK parliamentary accounts. " +
        "No account was compromised; opening an e-mail leaked location, IP address and device details (ATT&CK T1598.003).",
      source: HANSARD + "; US DoJ EDNY indictment (2024)", confidence: "ALMOST_CERTAIN", tags: ["reconnaissance"], tlp: "CLEAR", key: true,
      entityKeys: ["apt31"],
    },
    {
      at: { date: utcDay(2024, 3, 25) }, precision: "DAY",
      title: "UK attributes the reconnaissance to APT31",
      detail: "The Government assesses that APT31 was \"almost certainly\" responsible.",
      source: HANSARD, confidence: "ALMOST_CERTAIN", tags: ["attribution", "disclosure"], tlp: "CLEAR", key: true, entityKeys: ["apt31"],
    },
    {
      at: { date: utcDay(2024, 3, 25) }, precision: "DAY",
      title: "UK sanctions a front company and two individuals",
      detail:
        "Cyber regime designations: Wuhan Xiaoruizhi Science and Technology Company Limited (OFSI group 16460) and two individuals (16461, 16462).",
      source: "OFSI financial sanctions notice, 25 Mar 2024", confidence: "ALMOST_CERTAIN", tags: ["sanctions"], tlp: "CLEAR", key: true,
      entityKeys: ["wuhanXrz", "apt31"],
    },
    {
      at: { date: utcDay(2024, 3, 25) }, precision: "DAY",
      title: "US indictment charges seven alleged APT31 members",
      detail: "Unsealed in the Eastern District of New York; describes the tracking-link campaign against politicians.",
      source: "US DoJ EDNY indictment (2024)", confidence: "HIGHLY_LIKELY", tags: ["attribution", "legal"], tlp: "CLEAR",
      entityKeys: ["apt31"],
    },
    {
      at: { date: utcDay(2024, 3, 25) }, precision: "DAY",
      title: "NCSC updates its Defending Democracy guidance",
      detail: "Updated guidance for people in politics, including Personal Internet Protection and Account Registration.",
      source: HANSARD, confidence: "ALMOST_CERTAIN", tags: ["guidance"], tlp: "CLEAR", alertKey: "ddGuidance",
    },
    {
      at: { alert: "trackingPixelWave1" }, precision: "MINUTE",
      title: "Mail gateway flags tracking-pixel e-mails to three party MPs",
      detail: "Remote image on track.example-newsletter.net with a per-recipient token; same pattern as the 2021 campaign.",
      source: "Mail gateway", confidence: "LIKELY", tags: ["detection"], tlp: "AMBER", key: true,
      alertKey: "trackingPixelWave1", entityKeys: ["trackingHost", "apt31"],
    },
    {
      at: { alert: "trackingPixelWave1", plusHours: 5 }, precision: "MINUTE",
      title: "Tracking host blocked at the mail gateway and protective DNS",
      detail: "Remote images from the host are stripped; lookups are sinkholed.",
      source: "Party IT change record", confidence: "ALMOST_CERTAIN", tags: ["containment"], tlp: "GREEN", key: true, entityKeys: ["trackingHost"],
    },
  ],
  tasks: [
    { title: "Block track.example-newsletter.net at the gateway and in protective DNS", status: "DONE", assignee: "analyst", createdDaysAgo: 40 },
    { title: "Brief affected MPs and enrol them in Personal Internet Protection", status: "IN_PROGRESS", assignee: "lead", createdDaysAgo: 39, dueInDays: 5 },
    { title: "Share indicators with the Defending Democracy Taskforce", status: "TODO", assignee: "lead", createdDaysAgo: 12, dueInDays: 3 },
  ],
  notes: [
    {
      author: "analyst", shareable: true, createdDaysAgo: 38,
      body:
        "### Indicators\n\n- Host: `track.example-newsletter.net`\n- One-pixel remote image, token unique to each recipient\n- Subjects imitate parliamentary newsletters\n\n" +
        "Matches ATT&CK **T1598.003**. No sign of credential phishing so far.",
    },
    {
      author: "lead", shareable: false, createdDaysAgo: 21,
      body: "Keep the MPs' names out of shared notes. The task force sees the indicators, not who opened what.",
    },
  ],
};
