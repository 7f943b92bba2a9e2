import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { CaseStatus, Severity, Tlp } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/data";
import { publishCaseChange } from "@/lib/events/publish";
import { assertCan, viewerUserId, type Viewer } from "@/lib/auth/permissions";
import { TLP_LABELS, TLP_ORDER } from "@/lib/auth/tlp";
import { ConflictError, InvalidStateError } from "@/lib/http/errors";
import { visibleTlps } from "../rules";
import type { ChangeCaseStatusInput, CreateCaseInput, UpdateCaseInput } from "../schema";
import { checkStatusChange } from "../status-rules";
import { loadOwnCase } from "./own-case";

type Tx = Prisma.TransactionClient;

/** The editable state of a case: what a conflict hands back so the form can show it. */
export interface CaseEditable {
  id: string;
  title: string;
  summary: string;
  severity: Severity;
  tlp: Tlp;
  tags: string[];
  status: CaseStatus;
  resolution: string | null;
  version: number;
}

const EDITABLE = {
  id: true, title: true, summary: true, severity: true, tlp: true, tags: true, status: true, resolution: true, version: true,
} as const;

const CONFLICT_MESSAGE = "Someone else changed this case. Review the current version, then reload or re-apply your changes.";

function assertTlpReachable(viewer: Viewer, tlp: Tlp, member: boolean): void {
  if (!visibleTlps(viewer.clearance, { ownOrganisation: true, member }).includes(tlp)) {
    throw new InvalidStateError(
      tlp === "RED" && !member
        ? "Only named members may mark a case TLP:RED; add yourself as a member first."
        : `Your clearance does not reach ${TLP_LABELS[tlp]}: you could not open this case. Choose a lower TLP.`,
    );
  }
}

async function loadEditable(tx: Tx, caseId: string, expectedVersion: number): Promise<CaseEditable> {
  const current = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: EDITABLE });
  if (current.version !== expectedVersion) throw new ConflictError<CaseEditable>(CONFLICT_MESSAGE, current);
  return current;
}

/** Applies a change only if nobody changed the case since `version`; otherwise a conflict with the current state. */
async function applyVersioned(tx: Tx, caseId: string, version: number, data: Prisma.CaseUpdateManyMutationInput): Promise<void> {
  const { count } = await tx.case.updateMany({ where: { id: caseId, version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) {
    const current = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: EDITABLE });
    throw new ConflictError<CaseEditable>(CONFLICT_MESSAGE, current);
  }
}

/** A new case owned by its creator, who is its first member (need-to-know starts with them). */
export async function createCase(viewer: Viewer, input: CreateCaseInput): Promise<{ id: string }> {
  assertCan(viewer, "case:write");
  const userId = viewerUserId(viewer);
  assertTlpReachable(viewer, input.tlp, !!userId);
  return getDb().$transaction(async (tx) => {
    const created = await tx.case.create({
      data: {
        organisationId: viewer.organisationId, title: input.title, summary: input.summary, severity: input.severity,
        tlp: input.tlp, tags: input.tags, ownerId: userId,
        ...(userId ? { members: { create: { userId } } } : {}),
      },
      select: { id: true },
    });
    await recordAudit(tx, viewer, {
      action: "case.create",
      targetType: "Case",
      targetId: created.id,
      summary: { after: { title: input.title, severity: input.severity, tlp: input.tlp, tags: input.tags, ownerId: userId } },
    });
    await publishCaseChange(tx, { caseId: created.id, organisationIds: [viewer.organisationId], kind: "created" });
    return created;
  });
}

/**
 * Edits title, summary, severity, TLP and tags, if nobody changed the case since `version`.
 * The TLP may not exceed the editor's reach; lowering it below items inside the case is allowed
 * (those items keep their own TLP) but the audit event counts them.
 */
export async function updateCase(viewer: Viewer, input: UpdateCaseInput): Promise<CaseEditable> {
  return getDb().$transaction(
    async (tx) => {
      const access = await loadOwnCase(tx, viewer, input.caseId, "case:write");
      const before = await loadEditable(tx, input.caseId, input.version);
      assertTlpReachable(viewer, input.tlp, access.standing.member);

      const fields = ["title", "summary", "severity", "tlp", "tags"] as const;
      const changed = fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(input[f]));
      const pick = (src: Pick<CaseEditable, (typeof fields)[number]>) => Object.fromEntries(changed.map((f) => [f, src[f]]));
      const summary: Record<string, Prisma.InputJsonValue> = { before: pick(before), after: pick(input) };

      if (TLP_ORDER.indexOf(input.tlp) < TLP_ORDER.indexOf(before.tlp)) {
        const above = TLP_ORDER.slice(TLP_ORDER.indexOf(input.tlp) + 1);
        const [events, notes] = await Promise.all([
          tx.timelineEvent.count({ where: { caseId: input.caseId, tlp: { in: above } } }),
          tx.note.count({ where: { caseId: input.caseId, tlp: { in: above } } }),
        ]);
        if (events + notes > 0) summary.itemsAboveTlp = { timelineEvents: events, notes };
      }

      await applyVersioned(tx, input.caseId, input.version, {
        title: input.title, summary: input.summary, severity: input.severity, tlp: input.tlp, tags: input.tags,
      });
      await recordAudit(tx, viewer, { action: "case.update", targetType: "Case", targetId: input.caseId, summary });
      await publishCaseChange(tx, { caseId: input.caseId, organisationIds: [access.organisationId], kind: "updated" });
      return { ...before, title: input.title, summary: input.summary, severity: input.severity, tlp: input.tlp, tags: input.tags, version: before.version + 1 };
    },
    // Many editors may queue for a connection at once; each transaction is short.
    { maxWait: 15_000 },
  );
}

/**
 * Moves a case through OPEN → INVESTIGATING → CONTAINED → CLOSED (or back a step). Closing needs
 * "case:close" and a resolution; reopening a closed case needs "case:close" and a reason.
 */
export async function changeCaseStatus(viewer: Viewer, input: ChangeCaseStatusInput): Promise<CaseEditable> {
  return getDb().$transaction(async (tx) => {
    const access = await loadOwnCase(tx, viewer, input.caseId, "case:write", { allowClosed: true });
    const before = await loadEditable(tx, input.caseId, input.version);
    const check = checkStatusChange({ from: before.status, to: input.status, resolution: input.resolution, reason: input.reason });
    if (!check.ok) throw new InvalidStateError(check.message);
    if (check.kind !== "move") assertCan(viewer, "case:close");

    const data: Prisma.CaseUpdateManyMutationInput =
      check.kind === "close"
        ? { status: "CLOSED", closedAt: new Date(), resolution: input.resolution }
        : check.kind === "reopen"
          ? { status: input.status, closedAt: null, resolution: null }
          : { status: input.status };
    await applyVersioned(tx, input.caseId, input.version, data);
    await recordAudit(tx, viewer, {
      action: check.kind === "move" ? "case.status" : `case.${check.kind}`,
      targetType: "Case",
      targetId: input.caseId,
      summary: {
        before: { status: before.status, resolution: before.resolution },
        after: { status: input.status, resolution: check.kind === "close" ? input.resolution! : null },
        ...(input.reason ? { reason: input.reason } : {}),
      },
    });
    await publishCaseChange(tx, { caseId: input.caseId, organisationIds: [access.organisationId], kind: "updated" });
    return {
      ...before, status: input.status, version: before.version + 1,
      resolution: check.kind === "close" ? input.resolution! : check.kind === "reopen" ? null : before.resolution,
    };
  });
}
