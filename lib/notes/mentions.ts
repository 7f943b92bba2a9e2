// @mentions in notes. Pure logic, shared by the data layer (who to notify) and the renderer
// (what to highlight).
//
// Syntax: "@" followed by the local part of a colleague's e-mail address (before the "@"),
// e.g. "@analyst" for analyst@party.example. Matching is case-insensitive. A handle that two
// active users of the organisation share is ambiguous and is not treated as a mention. An "@"
// preceded by a letter, digit or one of . _ % + - @ is part of an e-mail address, not a mention.

export const MENTION_PATTERN = /(?<![A-Za-z0-9._%+@-])@([A-Za-z0-9](?:[A-Za-z0-9._+-]*[A-Za-z0-9])?)/g;

/** The handle a user is mentioned by: their e-mail's local part, lower-cased. */
export function mentionHandle(email: string): string {
  const at = email.lastIndexOf("@");
  return (at < 0 ? email : email.slice(0, at)).toLowerCase();
}

/** Handles mentioned in a Markdown body, lower-cased and unique, ignoring code spans and blocks. */
export function extractMentionHandles(body: string): string[] {
  const prose = body
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))/gm, "")
    .replace(/(`+)[\s\S]*?\1/g, "");
  const out = new Set<string>();
  for (const match of prose.matchAll(MENTION_PATTERN)) out.add(match[1]!.toLowerCase());
  return [...out];
}

/** Splits text into plain runs and mentions of known handles (unknown "@x" stays text). */
export function splitMentions(text: string, known: (handle: string) => boolean): Array<string | { handle: string; raw: string }> {
  const parts: Array<string | { handle: string; raw: string }> = [];
  let last = 0;
  for (const match of text.matchAll(MENTION_PATTERN)) {
    const handle = match[1]!.toLowerCase();
    if (!known(handle)) continue;
    const start = match.index!;
    if (start > last) parts.push(text.slice(last, start));
    parts.push({ handle, raw: match[0] });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** Handle → user for a set of users, leaving out handles that two users share. */
export function mentionDirectory<U extends { email: string }>(users: readonly U[]): Map<string, U> {
  const byHandle = new Map<string, U>();
  const ambiguous = new Set<string>();
  for (const user of users) {
    const handle = mentionHandle(user.email);
    if (byHandle.has(handle)) ambiguous.add(handle);
    else byHandle.set(handle, user);
  }
  for (const handle of ambiguous) byHandle.delete(handle);
  return byHandle;
}
