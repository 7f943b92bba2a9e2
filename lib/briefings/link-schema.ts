import { z } from "zod";

// Read links for outside readers: input schemas and the pure rules the data layer and forms share.

export const READ_LINK_MAX_DAYS = 30;
/** 32 random bytes, base64url: 43 characters. */
export const READ_LINK_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const createReadLinkSchema = z.strictObject({
  briefingId: z.uuid("Not a valid briefing"),
  days: z.coerce
    .number("Enter a number of days")
    .int("Enter whole days")
    .min(1, "At least 1 day")
    .max(READ_LINK_MAX_DAYS, `At most ${READ_LINK_MAX_DAYS} days`),
});
export type CreateReadLinkInput = z.infer<typeof createReadLinkSchema>;

export const revokeReadLinkSchema = z.strictObject({
  briefingId: z.uuid("Not a valid briefing"),
  linkId: z.uuid("Not a valid link"),
});
export type RevokeReadLinkInput = z.infer<typeof revokeReadLinkSchema>;

export type ReadLinkStatus = "active" | "expired" | "revoked";

export function readLinkStatus(link: { expiresAt: Date; revokedAt: Date | null }, now: Date): ReadLinkStatus {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** Only what may go to anyone may leave by link. */
export function isLinkShareableTlp(tlp: string): boolean {
  return tlp === "CLEAR" || tlp === "GREEN";
}
