import type { CaseStatus } from "@/lib/db/generated/enums";
import { CASE_STATUS_LABELS } from "@/lib/cases/status-rules";

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return (
    <span className={`badge status case-status-${status.toLowerCase()}`}>
      <span className="sr-only">Status: </span>
      {CASE_STATUS_LABELS[status]}
    </span>
  );
}
