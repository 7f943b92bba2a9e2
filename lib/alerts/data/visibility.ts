import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { can, viewerUserId, type Viewer } from "@/lib/auth/permissions";
import { tlpsUpTo } from "@/lib/auth/tlp";

/**
 * What a viewer may see of alerts: their own organisation only; TLP up to their clearance, and
 * TLP:RED beyond it only as assignee or named member of the alert's case (people only, never
 * API tokens); vetting alerts only for viewers that may read vetting data.
 */
export function alertVisibility(viewer: Viewer): Prisma.AlertWhereInput {
  const and: Prisma.AlertWhereInput[] = [];
  const userId = viewerUserId(viewer);
  if (viewer.clearance !== "RED") {
    and.push({
      OR: [
        { tlp: { in: tlpsUpTo(viewer.clearance) } },
        ...(userId
          ? [
              { tlp: "RED" as const, assigneeId: userId },
              { tlp: "RED" as const, case: { members: { some: { userId } } } },
            ]
          : []),
      ],
    });
  }
  if (!can(viewer, "vetting:read")) and.push({ kind: { not: "VETTING" } });
  return { organisationId: viewer.organisationId, AND: and };
}
