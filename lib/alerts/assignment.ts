import { assertCan, viewerUserId, type Viewer } from "@/lib/auth/permissions";

/**
 * Taking an alert, or releasing one you hold, is ordinary triage; putting an alert on someone
 * else's desk (or taking it off theirs) needs "alert:assign-others".
 */
export function assertMayAssign(viewer: Viewer, currentAssigneeId: string | null, newAssigneeId: string | null): void {
  const me = viewerUserId(viewer);
  const own = me !== null && (newAssigneeId === me || (newAssigneeId === null && currentAssigneeId === me));
  if (!own) assertCan(viewer, "alert:assign-others");
}
