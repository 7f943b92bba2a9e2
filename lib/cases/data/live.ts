import "server-only";
import { getDb } from "@/lib/db/client";
import { can, type Viewer } from "@/lib/auth/permissions";
import { caseVisibility } from "./visibility";

// Reads behind live case updates. A case change is announced to the owning organisation and to
// every organisation it is shared with; which viewers hear of it is decided here, by the same
// rules as opening the case (TLP, clearance, need-to-know membership, sharing).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids per query: keeps the IN list (and the bind parameter count) modest. */
const CHUNK = 500;

/**
 * The ids among `ids` of cases the viewer may see, in the order given, without duplicates; one
 * query per 500 ids. Missing, unshared or too-sensitive cases are dropped silently.
 */
export async function filterVisibleCaseIds(viewer: Viewer, ids: readonly string[]): Promise<string[]> {
  // No throw for a viewer without case:read: a stream simply carries no case events for them.
  if (!can(viewer, "case:read")) return [];
  const wanted = [...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
  const visible = new Set<string>();
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const rows = await getDb().case.findMany({
      where: { AND: [{ id: { in: wanted.slice(i, i + CHUNK) } }, caseVisibility(viewer)] },
      select: { id: true },
    });
    for (const row of rows) visible.add(row.id);
  }
  return wanted.filter((id) => visible.has(id));
}
