import "server-only";
import { getDb } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/http/errors";
import { loadCaseAccess } from "./visibility";

export const CASE_ACTIVITY_LIMIT = 200;

export interface CaseActivityItem {
  id: string;
  action: string;
  targetType: string;
  targetId: string;
  actor: string;
  createdAt: Date;
  /**
   * The before/after summary, for events about the case itself. Events about things inside the
   * case (timeline events, notes, tasks) show no detail here: those may carry a TLP above the
   * reader's, and are read in their own tab where TLP is applied.
   */
  summary: Record<string, unknown> | null;
}

/**
 * The case's audit trail, newest first: events about the case and about things inside it
 * (recorded with `summary.caseId`, or alerts escalated into it). Own organisation only — a
 * shared organisation's readers never see who did what inside the owning organisation.
 */
export async function listCaseActivity(viewer: Viewer, caseId: string): Promise<CaseActivityItem[]> {
  const db = getDb();
  const access = await loadCaseAccess(db, viewer, caseId, "read");
  if (!access.standing.ownOrganisation) throw new NotFoundError("Case");
  const rows = await db.auditEvent.findMany({
    where: {
      organisationId: access.organisationId,
      OR: [
        { targetType: "Case", targetId: caseId },
        { summary: { path: ["caseId"], equals: caseId } },
        { targetType: "Alert", summary: { path: ["after", "caseId"], equals: caseId } },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: CASE_ACTIVITY_LIMIT,
    select: { id: true, action: true, targetType: true, targetId: true, actorLabel: true, createdAt: true, summary: true },
  });
  return rows.map((r) => ({
    id: r.id, action: r.action, targetType: r.targetType, targetId: r.targetId, actor: r.actorLabel, createdAt: r.createdAt,
    summary: r.targetType === "Case" && r.summary && typeof r.summary === "object" && !Array.isArray(r.summary)
      ? (r.summary as Record<string, unknown>)
      : null,
  }));
}
