import type { AlertSpec } from "./alert-spec";

// Ballot-monitor detections for the party's FICTIONAL 2026 leadership election (policy: online
// code deactivated once a postal vote arrives). Members appear only as membership numbers; the
// monitor never sees how anyone voted.

const MONITOR = "ballot-monitor";
const CONTEST = "2026 leadership election";

const duplicate = (membership: string, daysAgo: number, extra: Partial<AlertSpec>): AlertSpec => ({
  kind: "BALLOT", severity: "HIGH", tlp: "AMBER", source: MONITOR, sourceRef: `dup-${membership}`,
  title: `Cross-channel duplicate: membership ${membership} voted online and by post`,
  summary: `${CONTEST}: an online vote and a postal ballot were both received for one membership. Voting twice is an offence under the party rules.`,
  daysAgo, ...extra,
});

export const BALLOT_ALERTS: readonly AlertSpec[] = [
  duplicate("M-204117", 30, { status: "TRIAGED" }),
  duplicate("M-188450", 21, {
    status: "DISMISSED", severity: "MEDIUM",
    statusReason: "Postal ballot arrived after the online vote and was rejected under the contest policy; no sign of intent.",
  }),
  duplicate("M-231906", 9, { status: "ACKNOWLEDGED" }),
  duplicate("M-176032", 1, {}),
  {
    key: "codeGuessing", kind: "BALLOT", severity: "CRITICAL", tlp: "AMBER_STRICT", source: MONITOR, sourceRef: "guess-198.51.100.0-24",
    title: "Security-code guessing: 1,284 failed attempts from one /24",
    summary: `${CONTEST}: failed security-code attempts across 640 memberships from 198.51.100.0/24. Rate-limited at the voting site.`,
    daysAgo: 19, status: "TRIAGED", assignee: "lead", occurrences: 5, spanHours: 6, entityKeys: ["guessingSubnet"],
  },
  {
    kind: "BALLOT", severity: "CRITICAL", tlp: "AMBER_STRICT", source: MONITOR, sourceRef: "guess-198.51.100.0-24-r2",
    title: "Security-code guessing resumed from the same /24",
    summary: "A second run of failed attempts from 198.51.100.0/24, slower this time to stay under the rate limit.",
    daysAgo: 0.2, occurrences: 3, spanHours: 3, entityKeys: ["guessingSubnet"],
  },
  {
    kind: "BALLOT", severity: "MEDIUM", tlp: "AMBER", source: MONITOR, sourceRef: "burst-night-0412",
    title: "Burst of 312 online votes between 02:00 and 05:00 UK time",
    summary: "Six times the usual night-time rate, from UK addresses spread over many networks.",
    daysAgo: 16, status: "TRIAGED",
  },
  {
    kind: "BALLOT", severity: "LOW", tlp: "AMBER", source: MONITOR, sourceRef: "burst-night-0419",
    title: "Night-time votes (02:00–05:00 UK time) from overseas members",
    summary: "Cluster of votes at night UK time from members registered abroad.",
    daysAgo: 6, status: "DISMISSED", statusReason: "Members in Australia and New Zealand voting in their daytime.",
  },
  {
    key: "reissueCluster", kind: "BALLOT", severity: "HIGH", tlp: "AMBER_STRICT", source: MONITOR, sourceRef: "reissue-ZZ1-4QX",
    title: "Pack reissue cluster: 11 requests at postcode ZZ1 4QX",
    summary: "Eleven memberships at one postcode asked for replacement ballot packs within two days, all by phone.",
    daysAgo: 13, status: "TRIAGED",
  },
  {
    kind: "BALLOT", severity: "MEDIUM", tlp: "AMBER_STRICT", source: MONITOR, sourceRef: "reissue-ZZ1-4QX-r2",
    title: "Pack reissue cluster at postcode ZZ1 4QX: four more requests",
    summary: "Further reissue requests at the same postcode.",
    daysAgo: 7, status: "MERGED", mergedInto: "reissueCluster", statusReason: "Same cluster as reissue-ZZ1-4QX.",
  },
  {
    kind: "BALLOT", severity: "MEDIUM", tlp: "AMBER", source: MONITOR, sourceRef: "shared-email-0031",
    title: "17 memberships share one e-mail address",
    summary: "All joined within a fortnight before the eligibility cut-off and paid from one card.",
    daysAgo: 27, status: "TRIAGED",
  },
  {
    kind: "BALLOT", severity: "LOW", tlp: "AMBER", source: MONITOR, sourceRef: "shared-phone-0007",
    title: "Nine memberships share one phone number",
    summary: "Could be a household or a care home; check addresses before acting.",
    daysAgo: 11, status: "ACKNOWLEDGED",
  },
  {
    kind: "BALLOT", severity: "LOW", tlp: "GREEN", source: MONITOR, sourceRef: "velocity-0921",
    title: "Turnout velocity spike: 4.1× the rolling baseline",
    summary: "Votes per hour rose sharply mid-morning.",
    daysAgo: 33, status: "DISMISSED", statusReason: "Reminder e-mail sent to all members at 09:00.",
  },
  {
    kind: "BALLOT", severity: "MEDIUM", tlp: "AMBER", source: MONITOR, sourceRef: "geo-M-219874",
    title: "Overseas member voted from an unexpected country",
    summary: "Membership M-219874 is registered in Spain; the vote came from a network in another continent.",
    daysAgo: 8, status: "ACKNOWLEDGED",
  },
  {
    kind: "BALLOT", severity: "LOW", tlp: "AMBER", source: MONITOR, sourceRef: "late-joiners-0003",
    title: "Memberships joined after the eligibility cut-off requested ballot packs",
    summary: "23 requests from members who joined after the cut-off; none were sent packs.",
    daysAgo: 40, status: "TRIAGED",
  },
  {
    kind: "BALLOT", severity: "MEDIUM", tlp: "AMBER", source: MONITOR, sourceRef: "dup-memberships-0001",
    title: "Duplicate memberships received two ballot packs (38 pairs)",
    summary: "Same name, date of birth and address on two membership records; the second pack's codes were cancelled.",
    daysAgo: 42, status: "TRIAGED",
  },
  {
    kind: "BALLOT", severity: "INFO", tlp: "AMBER", source: MONITOR, sourceRef: "failed-codes-M-240551",
    title: "Six failed security-code attempts for one membership",
    summary: "All from the member's usual device, then a successful vote.",
    daysAgo: 3, status: "DISMISSED", statusReason: "Member mistyped the code; confirmed by the helpline.",
  },
  {
    kind: "BALLOT", severity: "MEDIUM", tlp: "AMBER", source: MONITOR, sourceRef: "hand-in-0015",
    title: "One person handed in 14 members' postal ballots",
    summary: "Well above the five-vote limit used at statutory polls; the party rules set no limit.",
    daysAgo: 4,
  },
];
