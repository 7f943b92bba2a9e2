// Links in user-written Markdown: absolute http:, https: and mailto: only. Parsing with the URL
// standard (as browsers do) sees through case tricks, control characters, leading spaces and
// entity-decoded schemes, so "JaVa\tScRiPt:" is rejected like "javascript:".

const SAFE_PROTOCOLS: ReadonlySet<string> = new Set(["http:", "https:", "mailto:"]);

/** The normalised URL if it is safe to link to, otherwise null. */
export function safeUrl(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
}
