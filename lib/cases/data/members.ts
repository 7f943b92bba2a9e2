import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/data";
import { publishCaseChange } from "@/lib/events/publish";
import type { Viewer } from "@/lib/auth/permissions";
import { InvalidStateError, NotFoundError } from "@/lib/http/errors";
import type { CaseMemberInput } from "../schema";
import { loadOwnCase } from "./own-case";
import { loadCaseAccess } from "./visibility";

export interface MemberCandidate {
  id: string;
  name: string;
  /** Set for people from an organisation the case is shared with. */
  organisationName: string | null;
}

/**
 * Who may be named on a case (need-to-know): active people of the owning organisation, and for a
 * TLP:AMBER case people of organisations it is shared with (membership is what lets them read
 * AMBER there; for other TLPs it would grant nothing, or too much).
 */
function candidateWhere(access: { id: string; organisationId: string; tlp: string }): Prisma.UserWhereInput {
  const or: Prisma.UserWhereInput[] = [{ organisationId: access.organisationId }];
  if (access.tlp === "AMBER") or.push({ organisation: { sharedCases: { some: { caseId: access.id } } } });
  return { disabled: false, OR: or };
}

export async function listMemberCandidates(viewer: Viewer, caseId: string): Promise<MemberCandidate[]> {
  const db = getDb();
  const access = await loadCaseAccess(db, viewer, caseId, "write");
  const users = await db.user.findMany({
    where: { AND: [candidateWhere(access), { caseMembers: { none: { caseId } } }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, name: true, organisationId: true, organisation: { select: { name: true } } },
  });
  return users.map((u) => ({ id: u.id, name: u.name, organisationName: u.organisationId === access.organisationId ? null : u.organisation.name }));
}

export async function addCaseMember(viewer: Viewer, input: CaseMemberInput): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const access = await loadOwnCase(tx, viewer, input.caseId, "case:write");
    const user = await tx.user.findFirst({
      where: { AND: [{ id: input.userId }, candidateWhere(access)] },
      select: { id: true, name: true, organisationId: true },
    });
    if (!user) throw new NotFoundError("Person");
    const { count } = await tx.caseMember.createMany({ data: [{ caseId: access.id, userId: user.id }], skipDuplicates: true });
    if (count === 0) throw new InvalidStateError(`${user.name} is already a member of this case.`);
    await tx.case.update({ where: { id: access.id }, data: { updatedAt: new Date() } });
    await recordAudit(tx, viewer, {
      action: "case.member.add",
      targetType: "Case",
      targetId: access.id,
      summary: { after: { userId: user.id, name: user.name, organisationId: user.organisationId } },
    });
    await publishCaseChange(tx, { caseId: access.id, organisationIds: [access.organisationId], kind: "updated" });
  });
}

/** Removes a member; the owner stays a member while they own the case. */
export async function removeCaseMember(viewer: Viewer, input: CaseMemberInput): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const access = await loadOwnCase(tx, viewer, input.caseId, "case:write");
    if (access.ownerId === input.userId) throw new InvalidStateError("The case owner cannot be removed from its members.");
    const member = await tx.caseMember.findUnique({
      where: { caseId_userId: { caseId: access.id, userId: input.userId } },
      select: { user: { select: { id: true, name: true, organisationId: true } } },
    });
    if (!member) throw new NotFoundError("Member");
    await tx.caseMember.delete({ where: { caseId_userId: { caseId: access.id, userId: input.userId } } });
    await tx.case.update({ where: { id: access.id }, data: { updatedAt: new Date() } });
    await recordAudit(tx, viewer, {
      action: "case.member.remove",
      targetType: "Case",
      targetId: access.id,
      summary: { before: { userId: member.user.id, name: member.user.name, organisationId: member.user.organisationId } },
    });
    await publishCaseChange(tx, { caseId: access.id, organisationIds: [access.organisationId], kind: "updated" });
  });
}
