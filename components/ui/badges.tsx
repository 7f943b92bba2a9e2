import type { AlertKind, AlertStatus, Severity, Tlp } from "@/lib/db/generated/enums";
import { TLP_LABELS } from "@/lib/auth/tlp";

// Labels are exported so filters and selects use the same words as the badges.
export const SEVERITY_LABELS: Record<Severity, string> = {
  INFO: "Info",
  LOW: "Low",
  MEDIUM: "Medium",
  HIGH: "High",
  CRITICAL: "Critical",
};

export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = {
  NEW: "New",
  ACKNOWLEDGED: "Acknowledged",
  TRIAGED: "Triaged",
  ESCALATED: "Escalated",
  DISMISSED: "Dismissed",
  MERGED: "Merged",
};

export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  ADVISORY: "Advisory",
  INCIDENT: "Incident",
  VETTING: "Vetting",
  BALLOT: "Ballot",
};

// Filled bars out of four: a second cue besides colour and text (INFO has none).
const SEVERITY_LEVEL: Record<Severity, number> = { INFO: 0, LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };
const METER_BARS = [1, 2, 3, 4] as const;

export function SeverityBadge({ severity }: { severity: Severity }) {
  const level = SEVERITY_LEVEL[severity];
  return (
    <span className={`badge sev sev-${severity.toLowerCase()}`}>
      <span className="sev-meter" aria-hidden="true">
        {METER_BARS.map((bar) => (
          <span key={bar} className={bar <= level ? "on" : undefined} />
        ))}
      </span>
      <span className="sr-only">Severity: </span>
      {SEVERITY_LABELS[severity]}
    </span>
  );
}

export function TlpBadge({ tlp }: { tlp: Tlp }) {
  return (
    <span className={`badge tlp tlp-${tlp.toLowerCase().replace("_", "-")}`}>{TLP_LABELS[tlp]}</span>
  );
}

export function StatusBadge({ status }: { status: AlertStatus }) {
  return (
    <span className={`badge status status-${status.toLowerCase()}`}>
      <span className="sr-only">Status: </span>
      {ALERT_STATUS_LABELS[status]}
    </span>
  );
}

export function KindBadge({ kind }: { kind: AlertKind }) {
  return <span className={`badge kind kind-${kind.toLowerCase()}`}>{ALERT_KIND_LABELS[kind]}</span>;
}
