import type { AlertKind, AlertStatus, Severity, Tlp } from "@/lib/db/generated/enums";
import type { CaseKey, OrgKey } from "./context";
import type { DemoUserKey } from "./demo-users";

// One seeded alert. Times are "days before now" so the inbox always looks live; the builder adds
// a seeded jitter and derives triage timestamps that agree with the status.

export interface AlertSpec {
  /** Referenced by merges and case timelines. */
  key?: string;
  /** Defaults to the party. */
  org?: OrgKey;
  kind: AlertKind;
  title: string;
  summary: string;
  severity: Severity;
  tlp: Tlp;
  source: string;
  /** The source's own id; unique per source within an organisation. */
  sourceRef: string | null;
  daysAgo: number;
  /** Defaults to one derived from the alert's age. */
  status?: AlertStatus;
  statusReason?: string;
  occurrences?: number;
  /** Hours between first and last sighting when occurrences > 1. */
  spanHours?: number;
  /** null: deliberately unassigned. Undefined: chosen by the builder from kind, TLP and status. */
  assignee?: DemoUserKey | null;
  /** Required for ESCALATED alerts. */
  caseKey?: CaseKey;
  /** Required for MERGED alerts: the key of the surviving alert. */
  mergedInto?: string;
  entityKeys?: string[];
}
