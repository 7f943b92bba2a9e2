import { createHash } from "node:crypto";

// The deduplication key of an alert, unique per organisation (Alert @@unique([organisationId,
// fingerprint])). A source's own reference identifies an alert when there is one; otherwise the
// content does. The "ref"/"content" tags and NUL separators keep the two families and the fields
// apart, so no choice of values can make one input collide with another by concatenation.

export interface FingerprintInput {
  kind: string;
  source: string;
  sourceRef?: string | null;
  title: string;
}

/** Lower-case, whitespace collapsed and trimmed: cosmetic edits to a title are the same alert. */
export function normaliseTitle(title: string): string {
  return title.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

export function alertFingerprint(input: FingerprintInput): string {
  const material =
    input.sourceRef != null && input.sourceRef !== ""
      ? `ref\0${input.source}\0${input.sourceRef}`
      : `content\0${input.kind}\0${input.source}\0${normaliseTitle(input.title)}`;
  return createHash("sha256").update(material, "utf8").digest("hex");
}
