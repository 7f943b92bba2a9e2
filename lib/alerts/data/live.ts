import "server-only";
import { getDb } from "@/lib/db/client";
import { can, type Viewer } from "@/lib/auth/permissions";
import { alertVisibility } from "./visibility";

// Reads behind live updates. Change notifications name alert ids for a whole organisation; what
// a particular viewer hears is decided here, with the same visibility rules as the inbox.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids per query: keeps the IN list (and the bind parameter count) modest. */
const CHUNK = 500;

/**
 * The ids among `ids` that the viewer may see, in the order given, without duplicates. One query
 * per 500 ids. Ids that do not exist, belong to another organisation or are above the viewer's
 * clearance are dropped silently: not found and not visible look the same.
 */
export async function filterVisibleAlertIds(viewer: Viewer, ids: readonly string[]): Promise<string[]> {
  // No throw for a viewer without alert:read: a stream simply carries nothing for them.
  if (!can(viewer, "alert:read")) return [];
  // Ids arrive from notifications; a malformed one would make PostgreSQL reject the uuid cast.
  const wanted = [...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
  const visible = new Set<string>();
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const rows = await getDb().alert.findMany({
      where: { AND: [alertVisibility(viewer), { id: { in: wanted.slice(i, i + CHUNK) } }] },
      select: { id: true },
    });
    for (const row of rows) visible.add(row.id);
  }
  return wanted.filter((id) => visible.has(id));
}
