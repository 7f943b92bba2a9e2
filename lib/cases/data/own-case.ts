import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { assertCan, type Capability, type Viewer } from "@/lib/auth/permissions";
import { InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { loadCaseAccess, type CaseAccess } from "./visibility";

/**
 * A case the viewer may change: they hold the capability, can see the case, and it belongs to
 * their own organisation (shared organisations read only: not found). Closed cases refuse
 * changes unless the change is about closing, reopening or sharing.
 */
export async function loadOwnCase(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  caseId: string,
  capability: Capability,
  options: { allowClosed?: boolean } = {},
): Promise<CaseAccess & { ownerId: string | null }> {
  assertCan(viewer, capability);
  const access = await loadCaseAccess(tx, viewer, caseId, "read");
  if (!access.standing.ownOrganisation) throw new NotFoundError("Case");
  if (!options.allowClosed && access.status === "CLOSED") {
    throw new InvalidStateError("This case is closed. Reopen it to make changes.");
  }
  const { ownerId } = await tx.case.findUniqueOrThrow({ where: { id: access.id }, select: { ownerId: true } });
  return { ...access, ownerId };
}
