import "server-only";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/data";
import { publishCaseChange } from "@/lib/events/publish";
import { viewerUserId, type Viewer } from "@/lib/auth/permissions";
import { TLP_LABELS } from "@/lib/auth/tlp";
import { InvalidStateError, NotFoundError } from "@/lib/http/errors";
import type { CaseShareInput } from "../schema";
import { loadOwnCase } from "./own-case";
import { loadCaseAccess } from "./visibility";

export interface CaseSharing {
  shares: { organisationId: string; name: string; sharedAt: Date; sharedBy: string | null }[];
  /** Organisations the case could still be shared with. */
  candidates: { id: string; name: string }[];
}

/** Who the case is shared with (owning organisation only; a shared reader sees nothing of this). */
export async function getCaseSharing(viewer: Viewer, caseId: string): Promise<CaseSharing> {
  const db = getDb();
  const access = await loadCaseAccess(db, viewer, caseId, "read");
  if (!access.standing.ownOrganisation) throw new NotFoundError("Case");
  const shares = await db.caseShare.findMany({
    where: { caseId },
    orderBy: { sharedAt: "asc" },
    select: { organisationId: true, sharedAt: true, sharedById: true, organisation: { select: { name: true } } },
  });
  const sharerIds = [...new Set(shares.map((s) => s.sharedById).filter((id): id is string => !!id))];
  const [sharers, candidates] = await Promise.all([
    db.user.findMany({ where: { id: { in: sharerIds }, organisationId: viewer.organisationId }, select: { id: true, name: true } }),
    db.organisation.findMany({
      where: { id: { notIn: [viewer.organisationId, ...shares.map((s) => s.organisationId)] } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const names = new Map(sharers.map((u) => [u.id, u.name]));
  return {
    shares: shares.map((s) => ({
      organisationId: s.organisationId, name: s.organisation.name, sharedAt: s.sharedAt,
      sharedBy: s.sharedById ? (names.get(s.sharedById) ?? null) : null,
    })),
    candidates,
  };
}

/**
 * Shares a case read-only with another organisation; what its people see is TLP-filtered per
 * request (see caseVisibility). AMBER+STRICT and RED never leave the owning organisation.
 */
export async function shareCase(viewer: Viewer, input: CaseShareInput): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const access = await loadOwnCase(tx, viewer, input.caseId, "case:share", { allowClosed: true });
    if (access.tlp === "AMBER_STRICT" || access.tlp === "RED") {
      throw new InvalidStateError(`${TLP_LABELS[access.tlp]} cases never leave the organisation. Lower the TLP to share it.`);
    }
    const org = await tx.organisation.findFirst({
      where: { id: input.organisationId, NOT: { id: viewer.organisationId } },
      select: { id: true, name: true },
    });
    if (!org) throw new NotFoundError("Organisation");
    const { count } = await tx.caseShare.createMany({
      data: [{ caseId: access.id, organisationId: org.id, sharedById: viewerUserId(viewer) }],
      skipDuplicates: true,
    });
    if (count === 0) throw new InvalidStateError(`This case is already shared with ${org.name}.`);
    await recordAudit(tx, viewer, {
      action: "case.share",
      targetType: "Case",
      targetId: access.id,
      summary: { after: { organisationId: org.id, organisationName: org.name, tlp: access.tlp } },
    });
    await publishCaseChange(tx, { caseId: access.id, organisationIds: [access.organisationId, org.id], kind: "updated" });
  });
}

/**
 * Stops sharing. Visibility is computed on every request, so the other organisation loses
 * access on its next one; its people named on the case are removed too (need-to-know).
 */
export async function unshareCase(viewer: Viewer, input: CaseShareInput): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const access = await loadOwnCase(tx, viewer, input.caseId, "case:share", { allowClosed: true });
    const share = await tx.caseShare.findUnique({
      where: { caseId_organisationId: { caseId: access.id, organisationId: input.organisationId } },
      select: { organisation: { select: { id: true, name: true } } },
    });
    if (!share) throw new NotFoundError("Share");
    await tx.caseShare.delete({ where: { caseId_organisationId: { caseId: access.id, organisationId: input.organisationId } } });
    const removed = await tx.caseMember.deleteMany({ where: { caseId: access.id, user: { organisationId: input.organisationId } } });
    await recordAudit(tx, viewer, {
      action: "case.unshare",
      targetType: "Case",
      targetId: access.id,
      summary: { before: { organisationId: share.organisation.id, organisationName: share.organisation.name }, membersRemoved: removed.count },
    });
    // The share is gone, so name the organisation: its open pages refresh and find the case gone.
    await publishCaseChange(tx, { caseId: access.id, organisationIds: [access.organisationId, input.organisationId], kind: "updated" });
  });
}
