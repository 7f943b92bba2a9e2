import type { CaseStatus } from "@/lib/db/generated/enums";

// The case status workflow, pure: OPEN → INVESTIGATING → CONTAINED → CLOSED. Work may step back
// (a contained incident flares up again); closing needs a resolution, reopening a reason.

export const CASE_STATUS_ORDER: readonly CaseStatus[] = ["OPEN", "INVESTIGATING", "CONTAINED", "CLOSED"];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  OPEN: "Open",
  INVESTIGATING: "Investigating",
  CONTAINED: "Contained",
  CLOSED: "Closed",
};

export type StatusChangeKind = "close" | "reopen" | "move";

export interface StatusChangeRequest {
  from: CaseStatus;
  to: CaseStatus;
  resolution?: string;
  reason?: string;
}

/** What kind of change this is, or why it is not allowed. */
export function checkStatusChange(req: StatusChangeRequest): { ok: true; kind: StatusChangeKind } | { ok: false; message: string } {
  if (req.from === req.to) return { ok: false, message: `The case is already ${CASE_STATUS_LABELS[req.to].toLowerCase()}.` };
  if (req.to === "CLOSED") {
    return req.resolution ? { ok: true, kind: "close" } : { ok: false, message: "Closing a case needs a resolution." };
  }
  if (req.from === "CLOSED") {
    return req.reason ? { ok: true, kind: "reopen" } : { ok: false, message: "Reopening a case needs a reason." };
  }
  return { ok: true, kind: "move" };
}

/** The next step forward in the workflow, or null once closed. */
export function nextCaseStatus(status: CaseStatus): CaseStatus | null {
  const i = CASE_STATUS_ORDER.indexOf(status);
  return i >= 0 && i < CASE_STATUS_ORDER.length - 1 ? CASE_STATUS_ORDER[i + 1]! : null;
}
