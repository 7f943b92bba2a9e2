import type { AlertSpec } from "./alert-spec";

// Vetting alerts modelled on the public pattern (MI5 interference alerts, impermissible donations,
// FIRS) but about FICTIONAL people and companies only: no real individual may appear here.

const SCREENING = "vetting-screening";
const DONATIONS = "donations-check";

export const VETTING_ALERTS: readonly AlertSpec[] = [
  {
    kind: "VETTING", severity: "CRITICAL", tlp: "RED", source: "manual", sourceRef: null,
    title: "Would-be candidate Daniel Ashcombe named in a security-service interference notice",
    summary:
      "The party's security liaison received an interference-alert style notice advising that the would-be candidate is being cultivated by a foreign state. " +
      "Hold his application for the approved-candidates list pending review.",
    daysAgo: 34, status: "TRIAGED", assignee: "lead", entityKeys: ["candidate"],
  },
  {
    kind: "VETTING", severity: "CRITICAL", tlp: "RED", source: "manual", sourceRef: null,
    title: "Donor Oliver Tremayne facilitating donations on behalf of a foreign state body",
    summary:
      "Notice that the donor arranges donations from several UK individuals on behalf of a foreign state's influence department. " +
      "Three donations totalling £38,500 introduced by him this year.",
    daysAgo: 27, status: "TRIAGED", assignee: "lead", entityKeys: ["donorAgent"],
  },
  {
    kind: "VETTING", severity: "HIGH", tlp: "AMBER_STRICT", source: SCREENING, sourceRef: "scr-staff-0193",
    title: "Staff member Sophie Kellaway did not disclose employment by a foreign government",
    summary: "Re-screening found a current consultancy contract with a foreign ministry, absent from her declaration of interests.",
    daysAgo: 23, status: "ACKNOWLEDGED", assignee: "vetting", entityKeys: ["staffer"],
  },
  {
    key: "tallowbyDonation", kind: "VETTING", severity: "HIGH", tlp: "AMBER_STRICT", source: DONATIONS, sourceRef: "don-2026-0412",
    title: "Impermissible donation: £25,000 from Tallowby Harbour Investments Limited",
    summary:
      "The company is incorporated outside the UK and does not carry on business here, so it is not a permissible donor (PPERA 2000). " +
      "Return within 30 days of receipt, to the donor or else the payer.",
    daysAgo: 16, status: "TRIAGED", assignee: "vetting", entityKeys: ["foreignCompany"],
  },
  {
    kind: "VETTING", severity: "LOW", tlp: "AMBER_STRICT", source: DONATIONS, sourceRef: "don-2026-0412-au",
    title: "Tallowby Harbour Investments donation re-reported by an accounting unit",
    summary: "The same £25,000 entered again by the regional accounting unit.",
    daysAgo: 15, status: "MERGED", mergedInto: "tallowbyDonation", statusReason: "Duplicate entry of don-2026-0412.",
    entityKeys: ["foreignCompany"],
  },
  {
    key: "xiaoruiNearMatch", kind: "VETTING", severity: "MEDIUM", tlp: "AMBER_STRICT", source: SCREENING, sourceRef: "scr-supplier-0077",
    title: "Sanctions near-match: Xiaorui Digital Services Ltd (score 0.82)",
    summary: "Supplier name near-matches Wuhan Xiaoruizhi Science and Technology Company Limited (OFSI group 16460) on shared name tokens.",
    daysAgo: 13, status: "DISMISSED", assignee: "vetting",
    statusReason: "Different company: UK registration number, directors and address all differ from the designation.",
    entityKeys: ["nearMatchSupplier", "wuhanXrz"],
  },
  {
    kind: "VETTING", severity: "LOW", tlp: "AMBER_STRICT", source: SCREENING, sourceRef: "scr-supplier-0077-r2",
    title: "Sanctions near-match re-raised after list update: Xiaorui Digital Services Ltd",
    summary: "The weekly UK Sanctions List refresh raised the same pair again.",
    daysAgo: 2, status: "MERGED", mergedInto: "xiaoruiNearMatch", statusReason: "Already reviewed as a false positive.",
    entityKeys: ["nearMatchSupplier"],
  },
  {
    kind: "VETTING", severity: "LOW", tlp: "AMBER_STRICT", source: DONATIONS, sourceRef: "don-agg-d1187",
    title: "Donations from Helena Brackwater exceed £11,180 this year: report to the Commission",
    summary: "Aggregate of four donations reached £12,400; include in the next quarterly report.",
    daysAgo: 40, status: "TRIAGED", assignee: "vetting",
  },
  {
    kind: "VETTING", severity: "MEDIUM", tlp: "AMBER", source: DONATIONS, sourceRef: "don-2026-0388",
    title: "Anonymous cash donation of £750 at a branch fundraiser",
    summary: "Anonymous donations over £500 are impermissible; return to the Electoral Commission if the donor cannot be identified.",
    daysAgo: 25, status: "TRIAGED",
  },
  {
    kind: "VETTING", severity: "MEDIUM", tlp: "AMBER_STRICT", source: DONATIONS, sourceRef: "don-2026-0455",
    title: "Donor not found on any electoral register (£3,000 via an accounting unit)",
    summary: "Geoffrey Lanyon-Pryce gave a UK address but appears on no register, including the overseas electors' list.",
    daysAgo: 9, status: "ACKNOWLEDGED",
  },
  {
    kind: "VETTING", severity: "MEDIUM", tlp: "AMBER_STRICT", source: SCREENING, sourceRef: "scr-firs-0012",
    title: "Consultant arranging MP meetings for a foreign principal has no FIRS registration",
    summary: "Corvane Strategy LLP sought meetings with two shadow ministers; no registration under the political influence tier.",
    daysAgo: 7,
  },
  {
    kind: "VETTING", severity: "HIGH", tlp: "AMBER_STRICT", source: SCREENING, sourceRef: "scr-cand-0231",
    title: "Candidate declaration omits directorship of a foreign state-owned subsidiary",
    summary: "Companies House shows Martin Elsworthy as a director of a UK subsidiary of a foreign state-owned enterprise.",
    daysAgo: 4,
  },
  {
    kind: "VETTING", severity: "MEDIUM", tlp: "AMBER_STRICT", source: SCREENING, sourceRef: "scr-cand-0231-travel",
    title: "Undeclared paid trips funded by a foreign government (Martin Elsworthy)",
    summary: "Social media shows two overseas delegations this year, neither in his declaration of interests.",
    daysAgo: 20, status: "TRIAGED", assignee: "vetting",
  },
  {
    kind: "VETTING", severity: "LOW", tlp: "AMBER_STRICT", source: SCREENING, sourceRef: "scr-donor-0940",
    title: "Re-screening: donor name matches a weak alias on the UK Sanctions List",
    summary: "Exact match on a weak alias only.",
    daysAgo: 48, status: "DISMISSED", statusReason: "Weak alias only; date of birth and nationality both differ.",
  },
  {
    kind: "VETTING", severity: "HIGH", tlp: "AMBER_STRICT", source: DONATIONS, sourceRef: "don-2026-0431",
    title: "Permissibility decision due: £4,800 from Kestrelmoor Holdings Limited received 29 days ago",
    summary: "Unless the check finishes and the donation is accepted or returned tomorrow, the party is treated as having accepted it.",
    daysAgo: 1.2,
  },
];
