import "server-only";
import { getDb } from "@/lib/db/client";
import { resolveSession } from "@/lib/auth/data";
import { isCapability, TOKEN_CAPABILITIES, type Viewer } from "@/lib/auth/permissions";

/**
 * Re-checks the viewer behind a long-lived stream: a stream outlives the request that opened
 * it, and signing out everywhere, disabling a user, revoking a token or lowering a clearance must
 * reach it too. Returns the viewer as it is now, or null when it is no longer valid.
 */
export async function refreshStreamViewer(viewer: Viewer): Promise<Viewer | null> {
  if (viewer.kind === "user") {
    const fresh = await resolveSession(viewer.sessionId, viewer.userId);
    // A session never changes organisation, but a stream must never follow one that did.
    return fresh && fresh.organisationId === viewer.organisationId ? fresh : null;
  }
  const now = new Date();
  const token = await getDb().apiToken.findFirst({
    where: {
      id: viewer.tokenId,
      organisationId: viewer.organisationId,
      revokedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    },
    select: { capabilities: true, clearance: true },
  });
  if (!token) return null;
  // Never more than the stream started with, and never more than a token may hold.
  const capabilities = viewer.capabilities.filter(
    (c) => token.capabilities.includes(c) && isCapability(c) && TOKEN_CAPABILITIES.includes(c),
  );
  return { ...viewer, capabilities, clearance: token.clearance };
}
