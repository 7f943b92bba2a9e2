import { createHash } from "node:crypto";
import { ApiProblem } from "./problem";

// The Idempotency-Key request header (draft-ietf-httpapi-idempotency-key-header): a client-chosen
// key that makes a retried POST safe. What is stored per key lives in lib/idempotency/data.ts.

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const REPLAYED_HEADER = "Idempotency-Replayed";
const KEY_PATTERN = /^[\x20-\x7e]{1,200}$/;

/** The key, or undefined when the header is absent; a malformed key is a 400. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const value = request.headers.get(IDEMPOTENCY_HEADER);
  if (value === null) return undefined;
  if (!KEY_PATTERN.test(value)) {
    throw new ApiProblem(400, "Bad Request", {
      detail: `${IDEMPOTENCY_HEADER} must be 1–200 printable ASCII characters.`,
      errors: [{ path: `headers.${IDEMPOTENCY_HEADER}`, message: "1–200 printable ASCII characters" }],
    });
  }
  return value;
}

/** What makes two requests "the same": method, path and the exact body bytes. */
export function requestHash(request: Request, rawBody: Uint8Array): string {
  const { pathname } = new URL(request.url);
  return createHash("sha256").update(`${request.method.toUpperCase()}\n${pathname}\n`).update(rawBody).digest("hex");
}
