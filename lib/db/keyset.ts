// Keyset pagination cursors over (timestamp, id) ordered descending, optionally preceded by a
// sort name and a leading sort key (e.g. severity). Pure: no database access.
//
// Formats (base64url of):
//   "<ISO time>|<uuid>"                      the default order; what older links carry
//   "<sort>|<key>|<ISO time>|<uuid>"         another order; key may be empty
// A cursor names its order so that a link from one sort is never applied to another.

export interface KeysetPosition {
  at: Date;
  id: string;
  /** Name of the order this cursor belongs to; absent for the default order. */
  sort?: string;
  /** Leading sort key before (at, id), e.g. a severity. */
  key?: string;
}

const ISO = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z`;
const UUID = "[0-9a-f-]{36}";
const PLAIN = new RegExp(`^(${ISO})\\|(${UUID})$`);
const SORTED = new RegExp(`^([A-Za-z]{1,20})\\|([A-Z_]{0,20})\\|(${ISO})\\|(${UUID})$`);

export function encodeCursor(position: KeysetPosition): string {
  const tail = `${position.at.toISOString()}|${position.id}`;
  const text = position.sort ? `${position.sort}|${position.key ?? ""}|${tail}` : tail;
  return Buffer.from(text, "utf8").toString("base64url");
}

/** Returns null for anything that is not a cursor this module wrote (tampered or stale links). */
export function decodeCursor(cursor: string | undefined): KeysetPosition | null {
  if (!cursor) return null;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const plain = PLAIN.exec(text);
  if (plain) return position(plain[1]!, plain[2]!);
  const sorted = SORTED.exec(text);
  if (!sorted) return null;
  const found = position(sorted[3]!, sorted[4]!);
  return found && { ...found, sort: sorted[1]!, ...(sorted[2] ? { key: sorted[2] } : {}) };
}

function position(iso: string, id: string): KeysetPosition | null {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : { at, id };
}
