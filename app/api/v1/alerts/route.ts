import { ingestAlerts, ingestAlertsIdempotently } from "@/lib/alerts/data/ingest";
import { ingestResponse } from "@/lib/alerts/ingest-response";
import { parseIngestBody } from "@/lib/alerts/ingest-schema";
import { assertCan } from "@/lib/auth/permissions";
import { requireApiViewer } from "@/lib/http/api-auth";
import { readJsonBody } from "@/lib/http/body";
import { REPLAYED_HEADER, idempotencyKeyOf, requestHash } from "@/lib/http/idempotency-key";
import { jsonResponse, problem, problemResponse, withApiErrors, type ProblemBody } from "@/lib/http/problem";

// POST /api/v1/alerts — alert ingestion for other programs.
//
// Request: `Authorization: Bearer vgl_…` (token with alert:triage), `Content-Type:
// application/json`, body ≤ 1 MiB: one alert object or { "alerts": [ … ] } with 1–1000 items
// (fields: lib/alerts/ingest-schema.ts). Optional `Idempotency-Key` (1–200 printable ASCII).
// Response (lib/alerts/ingest-response.ts): 201 if any alert was created, else 200, with
// { created, deduplicated, reopened, rejected, results: [{ index, status, id?, errors? }] };
// rejected items of a partly valid batch are reported there while the rest are stored.
// Errors are application/problem+json, checked in this order: 401 token (WWW-Authenticate:
// Bearer), 403 capability, 400 malformed Idempotency-Key, 415 content type, 413 size, 400 JSON,
// 422 invalid body or no item accepted (`errors` with paths like alerts[3].severity), 422 an
// Idempotency-Key reused with a different request. A replay carries `Idempotency-Replayed: true`.

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** 1 MiB holds a full batch of 1,000 typical alerts. */
const MAX_BODY_BYTES = 1024 * 1024;

function respond(status: number, body: unknown, headers?: HeadersInit): Response {
  return status >= 400 ? problemResponse(body as ProblemBody, headers) : jsonResponse(body, status, headers);
}

export const POST = withApiErrors(async (request: Request) => {
  const viewer = await requireApiViewer(request);
  // Checked again by the data function; here so a token without it learns so before uploading.
  assertCan(viewer, "alert:triage");
  const key = idempotencyKeyOf(request);
  const body = await readJsonBody(request, MAX_BODY_BYTES);

  const parsed = parseIngestBody(body.value);
  if (!parsed.ok) {
    return problem(422, "Unprocessable Content", { detail: "The request body is not a valid alert or batch; see errors.", errors: parsed.errors });
  }
  if (key) {
    const result = await ingestAlertsIdempotently(viewer, parsed.items, {
      batch: parsed.batch,
      key,
      requestHash: requestHash(request, body.raw),
    });
    return respond(result.status, result.body, result.replayed ? { [REPLAYED_HEADER]: "true" } : undefined);
  }
  const response = ingestResponse(await ingestAlerts(viewer, parsed.items), parsed.batch);
  return respond(response.status, response.body);
});

function methodNotAllowed(): Response {
  return problem(405, "Method Not Allowed", { detail: "Use POST to send alerts.", headers: { Allow: "POST, OPTIONS" } });
}

export const GET = methodNotAllowed;
export const HEAD = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;

export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: { Allow: "POST, OPTIONS" } });
}
