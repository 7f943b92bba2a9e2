import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/permissions";
import { InvalidStateError } from "@/lib/http/errors";

// Stored responses for requests made with an Idempotency-Key, per organisation, kept for 24 h.
// The check, the work and the stored response share one transaction, serialised per key by a
// transaction-scoped advisory lock: concurrent retries wait for the first to commit, then replay
// its response instead of doing the work again. If the work fails, nothing is stored and the
// key stays free for a retry.

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface StoredResponse {
  status: number;
  body: Prisma.InputJsonValue;
}

export interface IdempotentResult extends StoredResponse {
  replayed: boolean;
}

/**
 * Runs `work` once per (organisation, key) inside the caller's transaction. The same key with a
 * different request hash is refused (InvalidStateError → 422).
 */
export async function runIdempotent(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  idempotency: { key: string; requestHash: string },
  work: () => Promise<StoredResponse>,
): Promise<IdempotentResult> {
  const { key, requestHash } = idempotency;
  const { organisationId } = viewer;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${organisationId}::text || ':' || ${key}::text, 0))`;

  const now = new Date();
  const existing = await tx.idempotencyKey.findUnique({
    where: { organisationId_key: { organisationId, key } },
    select: { requestHash: true, status: true, response: true, createdAt: true },
  });
  const live = existing && now.getTime() - existing.createdAt.getTime() < IDEMPOTENCY_TTL_MS;
  if (existing && live) {
    if (existing.requestHash !== requestHash) {
      throw new InvalidStateError("This Idempotency-Key was already used with a different request. Use a new key for a new request.");
    }
    return { status: existing.status, body: existing.response as Prisma.InputJsonValue, replayed: true };
  }

  const response = await work();
  const row = { requestHash, status: response.status, response: response.body, createdAt: now };
  // An expired row for the key is overwritten: after 24 h a key may be reused.
  const stored = await tx.idempotencyKey.upsert({
    where: { organisationId_key: { organisationId, key } },
    create: { organisationId, key, ...row },
    update: row,
    select: { response: true },
  });
  // Answer with the body as stored (jsonb orders keys its own way), so the first response and
  // every replay are byte-for-byte the same.
  return { status: response.status, body: stored.response as Prisma.InputJsonValue, replayed: false };
}

/**
 * Deletes stored responses older than `olderThan` (default: the 24 h window). Maintenance for
 * every organisation, so it takes no viewer; call it from a scheduled job or at start-up.
 */
export async function purgeIdempotencyKeys(olderThan: Date = new Date(Date.now() - IDEMPOTENCY_TTL_MS)): Promise<number> {
  const { count } = await getDb().idempotencyKey.deleteMany({ where: { createdAt: { lt: olderThan } } });
  return count;
}
