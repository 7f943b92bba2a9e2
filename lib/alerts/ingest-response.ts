import { problemBody, type ProblemBody } from "@/lib/http/problem";
import type { FieldError } from "@/lib/http/field-errors";

// What POST /api/v1/alerts answers, as plain data (it is also what an Idempotency-Key replays).
//
// At least one item accepted → 201 if any alert was created, else 200, with
//   { created, deduplicated, reopened, rejected, results: [{ index, status, id?, errors? }] }.
// Rejected items of a partly accepted batch are listed in `results` with their field errors; the
// accepted ones are stored (a 207 Multi-Status would say the same less plainly).
// Nothing accepted → 422 problem+json with every field error in `errors`, plus the same counts
// and results as extension members.

export type IngestItemStatus = "created" | "deduplicated" | "reopened" | "rejected";

export interface IngestItemResult {
  /** Position of the item in the request (0 for a single alert). */
  index: number;
  status: IngestItemStatus;
  /** The alert's id; omitted when the caller's clearance does not cover the stored alert. */
  id?: string;
  errors?: FieldError[];
}

export interface IngestOutcome {
  created: number;
  deduplicated: number;
  reopened: number;
  rejected: number;
  results: IngestItemResult[];
}

export interface IngestResponse {
  status: number;
  body: IngestOutcome | ProblemBody;
}

export function summariseResults(results: IngestItemResult[]): IngestOutcome {
  const count = (status: IngestItemStatus) => results.filter((r) => r.status === status).length;
  return {
    created: count("created"),
    deduplicated: count("deduplicated"),
    reopened: count("reopened"),
    rejected: count("rejected"),
    results: [...results].sort((a, b) => a.index - b.index),
  };
}

export function ingestResponse(outcome: IngestOutcome, batch: boolean): IngestResponse {
  const accepted = outcome.results.length - outcome.rejected;
  if (accepted > 0) return { status: outcome.created > 0 ? 201 : 200, body: outcome };
  return {
    status: 422,
    body: problemBody(422, "Unprocessable Content", {
      detail: batch ? "No alert in the batch was accepted; see errors." : "The alert was not accepted; see errors.",
      errors: outcome.results.flatMap((r) => r.errors ?? []),
      ...outcome,
    }),
  };
}
