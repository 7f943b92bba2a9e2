import type { Severity, Tlp } from "@/lib/db/generated/enums";
import { TLP_ORDER, tlpsUpTo } from "@/lib/auth/tlp";

// Pure rules for cases: who may read what by TLP 2.0, and how a case made from alerts is graded.

/** Longest case title; a promoted alert's title seeds it, so it is at least as long as an alert's. */
export const CASE_TITLE_MAX = 300;

const SEVERITY_ORDER: readonly Severity[] = ["INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"];

/** Where the reader stands towards one case. */
export interface CaseStanding {
  /** The reader belongs to the organisation that owns the case (otherwise it is shared with them). */
  ownOrganisation: boolean;
  /** The reader is a named member of the case (people only; never an API token). */
  member: boolean;
}

/**
 * The TLPs a reader may see in a case (the case itself, and each timeline event by its own TLP):
 * - own organisation: CLEAR, GREEN, AMBER and AMBER+STRICT up to the reader's clearance;
 * - RED: named members of the owning organisation only, whatever their clearance;
 * - an organisation the case is shared with: CLEAR and GREEN, and AMBER for named members;
 *   AMBER+STRICT and RED never leave the owning organisation.
 */
export function visibleTlps(clearance: Tlp, standing: CaseStanding): Tlp[] {
  const cleared = tlpsUpTo(clearance);
  if (standing.ownOrganisation) {
    const own = cleared.filter((t) => t !== "RED");
    return standing.member ? [...own, "RED"] : own;
  }
  return cleared.filter((t) => t === "CLEAR" || t === "GREEN" || (t === "AMBER" && standing.member));
}

/** The most restrictive of the given TLPs (CLEAR when none). */
export function mostRestrictiveTlp(tlps: readonly (Tlp | undefined)[]): Tlp {
  let best = 0;
  for (const t of tlps) if (t) best = Math.max(best, TLP_ORDER.indexOf(t));
  return TLP_ORDER[best] ?? "CLEAR";
}

/** The highest of the given severities (INFO when none). */
export function highestSeverity(severities: readonly (Severity | undefined)[]): Severity {
  let best = 0;
  for (const s of severities) if (s) best = Math.max(best, SEVERITY_ORDER.indexOf(s));
  return SEVERITY_ORDER[best] ?? "INFO";
}
