import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { Tlp } from "@/lib/db/generated/enums";
import { recordAudit } from "@/lib/audit/data";
import { TLP_ORDER } from "@/lib/auth/tlp";
import { TOKEN_CAPABILITIES, assertCan, isCapability, viewerUserId, type Capability, type TokenViewer, type Viewer } from "@/lib/auth/permissions";
import { InvalidStateError, NotFoundError } from "@/lib/http/errors";
import type { CreateApiTokenInput } from "./schema";

// API tokens: credentials for other programs. The secret is "vgl_" + 32 random bytes
// (base64url), shown once; only its SHA-256 is stored. 256 bits of randomness make a fast hash
// safe here (no password stretching needed) and let us look tokens up by hash, so the lookup
// never compares secrets byte by byte and its timing reveals nothing about them.

export const TOKEN_PREFIX = "vgl_";
const SECRET_PATTERN = /^vgl_[A-Za-z0-9_-]{43}$/;
/** lastUsedAt is a hint for admins, not a log: write it at most this often per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiTokenStatus = "active" | "revoked" | "expired";

export interface ApiTokenRow {
  id: string;
  name: string;
  /** First characters of the secret after "vgl_", to recognise it. */
  prefix: string;
  capabilities: Capability[];
  clearance: Tlp;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  status: ApiTokenStatus;
}

export interface CreatedApiToken {
  token: ApiTokenRow;
  /** The full secret. Returned once, never stored, never shown again. */
  secret: string;
}

function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

function knownCapabilities(values: readonly string[]): Capability[] {
  // Defensive: a capability removed from the code since the token was made is simply dropped.
  return values.filter((v): v is Capability => isCapability(v) && TOKEN_CAPABILITIES.includes(v));
}

function statusOf(row: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ApiTokenStatus {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  return "active";
}

const rowSelect = {
  id: true, name: true, prefix: true, capabilities: true, clearance: true,
  createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true,
} as const;

type SelectedRow = {
  id: string; name: string; prefix: string; capabilities: string[]; clearance: Tlp;
  createdAt: Date; expiresAt: Date | null; lastUsedAt: Date | null; revokedAt: Date | null;
};

function toRow(row: SelectedRow, now: Date): ApiTokenRow {
  return { ...row, capabilities: knownCapabilities(row.capabilities), status: statusOf(row, now) };
}

export async function createApiToken(viewer: Viewer, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  assertCan(viewer, "admin:users");
  // The schema checks this for forms; checked again here because it is an authorization rule.
  if (TLP_ORDER.indexOf(input.clearance) > TLP_ORDER.indexOf(viewer.clearance)) {
    throw new InvalidStateError("A token's clearance cannot exceed yours.");
  }
  const capabilities = [...new Set(input.capabilities)].filter((c) => TOKEN_CAPABILITIES.includes(c));
  if (capabilities.length === 0) throw new InvalidStateError("Choose at least one capability.");

  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;

  const created = await getDb().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        organisationId: viewer.organisationId,
        name: input.name,
        tokenHash: hashSecret(secret),
        prefix: secret.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + 8),
        capabilities,
        clearance: input.clearance,
        createdById: viewerUserId(viewer),
        expiresAt,
      },
      select: rowSelect,
    });
    await recordAudit(tx, viewer, {
      action: "api-token.create",
      targetType: "ApiToken",
      targetId: row.id,
      summary: { name: row.name, prefix: row.prefix, capabilities, clearance: row.clearance, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return row;
  });
  return { token: toRow(created, now), secret };
}

/** The organisation's tokens, newest first. Never includes hashes. */
export async function listApiTokens(viewer: Viewer): Promise<ApiTokenRow[]> {
  assertCan(viewer, "admin:users");
  const rows = await getDb().apiToken.findMany({
    where: { organisationId: viewer.organisationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: rowSelect,
    take: 500,
  });
  const now = new Date();
  return rows.map((row) => toRow(row, now));
}

export async function revokeApiToken(viewer: Viewer, tokenId: string): Promise<void> {
  assertCan(viewer, "admin:users");
  await getDb().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, organisationId: viewer.organisationId },
      select: { id: true, name: true, prefix: true, revokedAt: true },
    });
    if (!token) throw new NotFoundError("API token");
    if (token.revokedAt) throw new InvalidStateError("This token is already revoked.");
    // Conditional update: two admins revoking at once leave one audit event, not two.
    const { count } = await tx.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count !== 1) throw new InvalidStateError("This token is already revoked.");
    await recordAudit(tx, viewer, {
      action: "api-token.revoke",
      targetType: "ApiToken",
      targetId: token.id,
      summary: { name: token.name, prefix: token.prefix },
    });
  });
}

/**
 * The viewer behind a presented secret, or null if it is malformed, unknown, revoked or expired.
 * Runs before there is a viewer, so it takes the credential itself (like resolveSession).
 */
export async function authenticateApiToken(secret: string): Promise<TokenViewer | null> {
  if (!SECRET_PATTERN.test(secret)) return null;
  const db = getDb();
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashSecret(secret) },
    select: { id: true, organisationId: true, name: true, capabilities: true, clearance: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  const now = new Date();
  if (!token || statusOf(token, now) !== "active") return null;

  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    // Conditional, so concurrent requests of one token write it once.
    await db.apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  return {
    kind: "token",
    tokenId: token.id,
    organisationId: token.organisationId,
    name: token.name,
    capabilities: knownCapabilities(token.capabilities),
    clearance: token.clearance,
  };
}
