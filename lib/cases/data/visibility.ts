import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { CaseStatus, Tlp } from "@/lib/db/generated/enums";
import { assertCan, viewerUserId, type Viewer } from "@/lib/auth/permissions";
import { InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { visibleTlps, type CaseStanding } from "../rules";

/**
 * What a viewer may see of cases, by TLP 2.0 (the rule itself is visibleTlps in ./rules.ts):
 * in their own organisation CLEAR to AMBER+STRICT up to their clearance, RED only as a named
 * member; in cases shared with their organisation CLEAR and GREEN, and AMBER as a named member.
 */
export function caseVisibility(viewer: Viewer): Prisma.CaseWhereInput {
  const userId = viewerUserId(viewer);
  const own = { organisationId: viewer.organisationId };
  const shared = { shares: { some: { organisationId: viewer.organisationId } } };
  const or: Prisma.CaseWhereInput[] = [
    { ...own, tlp: { in: visibleTlps(viewer.clearance, { ownOrganisation: true, member: false }) } },
    { ...shared, tlp: { in: visibleTlps(viewer.clearance, { ownOrganisation: false, member: false }) } },
  ];
  if (userId) {
    const member = { members: { some: { userId } } };
    or.push(
      { ...own, ...member, tlp: { in: visibleTlps(viewer.clearance, { ownOrganisation: true, member: true }) } },
      { ...shared, ...member, tlp: { in: visibleTlps(viewer.clearance, { ownOrganisation: false, member: true }) } },
    );
  }
  return { OR: or };
}

export interface CaseAccess {
  id: string;
  organisationId: string;
  title: string;
  status: CaseStatus;
  tlp: Tlp;
  version: number;
  standing: CaseStanding;
  /** TLPs of items inside the case (timeline events, notes) that this viewer may see. */
  visibleTlps: Tlp[];
}

type Reader = Pick<Prisma.TransactionClient, "case">;

/**
 * The one way into a case for the data functions of things inside it (timeline, tasks, notes):
 * not found unless the viewer may see the case; for "write", also the case must belong to the
 * viewer's own organisation (shared organisations read only), the viewer needs "case:write", and
 * a CLOSED case refuses changes until it is reopened.
 */
export async function loadCaseAccess(db: Reader, viewer: Viewer, caseId: string, mode: "read" | "write"): Promise<CaseAccess> {
  assertCan(viewer, mode === "write" ? "case:write" : "case:read");
  const row = await db.case.findFirst({
    where: { AND: [{ id: caseId }, caseVisibility(viewer)] },
    select: { id: true, organisationId: true, title: true, status: true, tlp: true, version: true, members: { select: { userId: true } } },
  });
  if (!row) throw new NotFoundError("Case");
  const userId = viewerUserId(viewer);
  const standing: CaseStanding = {
    ownOrganisation: row.organisationId === viewer.organisationId,
    member: userId !== null && row.members.some((m) => m.userId === userId),
  };
  if (mode === "write") {
    if (!standing.ownOrganisation) throw new NotFoundError("Case");
    if (row.status === "CLOSED") throw new InvalidStateError("This case is closed. Reopen it to make changes.");
  }
  const { members: _members, ...rest } = row;
  void _members;
  return { ...rest, standing, visibleTlps: visibleTlps(viewer.clearance, standing) };
}
