import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { Tlp } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/data";
import { publishCaseChange } from "@/lib/events/publish";
import { TLP_LABELS } from "@/lib/auth/tlp";
import type { Viewer } from "@/lib/auth/permissions";
import { loadCaseAccess, type CaseAccess } from "@/lib/cases/data/visibility";
import { ConflictError, InvalidStateError, NotFoundError } from "@/lib/http/errors";
import type { AddTimelineEventInput, DeleteTimelineEventInput, TimelineEventInput, UpdateTimelineEventInput } from "../schema";

// Adding, editing and deleting timeline events by hand. Each write: the case must be the
// viewer's own organisation's, open, and writable by their role (loadCaseAccess "write"); an
// event's TLP stays within what the writer may see in the case; an audit event in the same
// transaction, with summary.caseId so the case Activity tab finds it.

type Tx = Prisma.TransactionClient;

/** The writer may not label an event above what they could read back. */
export function assertWritableTlp(access: CaseAccess, tlp: Tlp): void {
  if (!access.visibleTlps.includes(tlp)) {
    throw new InvalidStateError(`You cannot record an event at ${TLP_LABELS[tlp]} in this case: it is above your clearance or need-to-know.`);
  }
}

/** Entities an event may link: those already linked to the case. */
async function assertCaseEntities(tx: Tx, caseId: string, entityIds: readonly string[]): Promise<void> {
  if (!entityIds.length) return;
  const found = await tx.caseEntity.count({ where: { caseId, entityId: { in: [...entityIds] } } });
  if (found !== entityIds.length) throw new NotFoundError("Entity");
}

/** What the audit trail keeps of an event (no detail text: it may be long). */
function auditShape(e: Pick<TimelineEventInput, "occurredAt" | "precision" | "title" | "tlp" | "key" | "tags" | "source" | "confidence">) {
  return {
    occurredAt: e.occurredAt.toISOString(), precision: e.precision, title: e.title, tlp: e.tlp, key: e.key, tags: e.tags,
    source: e.source, confidence: e.confidence,
  };
}

/** Bumps the case's activity time and tells open case pages (live updates) once the transaction commits. */
export async function markCaseChanged(tx: Tx, access: CaseAccess): Promise<void> {
  await tx.case.update({ where: { id: access.id }, data: { updatedAt: new Date() } });
  await publishCaseChange(tx, { caseId: access.id, organisationIds: [access.organisationId], kind: "updated" });
}

export async function addTimelineEvent(viewer: Viewer, input: AddTimelineEventInput): Promise<{ id: string }> {
  return getDb().$transaction(async (tx) => {
    const access = await loadCaseAccess(tx, viewer, input.caseId, "write");
    assertWritableTlp(access, input.tlp);
    await assertCaseEntities(tx, access.id, input.entityIds);
    const created = await tx.timelineEvent.create({
      data: {
        organisationId: access.organisationId, caseId: access.id, occurredAt: input.occurredAt, precision: input.precision,
        title: input.title, detail: input.detail, source: input.source, confidence: input.confidence, tags: input.tags,
        key: input.key, tlp: input.tlp,
        entities: { create: input.entityIds.map((entityId) => ({ entityId })) },
      },
      select: { id: true },
    });
    await markCaseChanged(tx, access);
    await recordAudit(tx, viewer, {
      action: "timeline.add", targetType: "TimelineEvent", targetId: created.id,
      summary: { caseId: access.id, after: { ...auditShape(input), entityIds: input.entityIds } },
    });
    return created;
  });
}

/** A visible event of the case, or not found; the version must still be the one the editor read. */
async function loadForChange(tx: Tx, access: CaseAccess, eventId: string, version: number) {
  const event = await tx.timelineEvent.findFirst({
    where: { id: eventId, caseId: access.id, tlp: { in: access.visibleTlps } },
    select: {
      id: true, occurredAt: true, precision: true, title: true, detail: true, source: true, confidence: true, tags: true, key: true,
      tlp: true, version: true, entities: { select: { entityId: true } },
    },
  });
  if (!event) throw new NotFoundError("Timeline event");
  if (event.version !== version) {
    throw new ConflictError("Someone else changed this event. Review the current version and try again.", event);
  }
  return event;
}

export async function updateTimelineEvent(viewer: Viewer, input: UpdateTimelineEventInput): Promise<{ version: number }> {
  return getDb().$transaction(async (tx) => {
    const access = await loadCaseAccess(tx, viewer, input.caseId, "write");
    const before = await loadForChange(tx, access, input.eventId, input.version);
    assertWritableTlp(access, input.tlp);
    await assertCaseEntities(tx, access.id, input.entityIds);
    const { count } = await tx.timelineEvent.updateMany({
      where: { id: before.id, version: input.version },
      data: {
        occurredAt: input.occurredAt, precision: input.precision, title: input.title, detail: input.detail, source: input.source,
        confidence: input.confidence, tags: input.tags, key: input.key, tlp: input.tlp, version: { increment: 1 },
      },
    });
    if (count !== 1) throw new ConflictError("Someone else changed this event. Review the current version and try again.");
    await tx.timelineEventEntity.deleteMany({ where: { timelineEventId: before.id } });
    if (input.entityIds.length) {
      await tx.timelineEventEntity.createMany({ data: input.entityIds.map((entityId) => ({ timelineEventId: before.id, entityId })) });
    }
    await markCaseChanged(tx, access);
    await recordAudit(tx, viewer, {
      action: "timeline.update", targetType: "TimelineEvent", targetId: before.id,
      summary: {
        caseId: access.id, version: input.version + 1,
        before: { ...auditShape(before), entityIds: before.entities.map((e) => e.entityId) },
        after: { ...auditShape(input), entityIds: input.entityIds },
      },
    });
    return { version: input.version + 1 };
  });
}

export async function deleteTimelineEvent(viewer: Viewer, input: DeleteTimelineEventInput): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const access = await loadCaseAccess(tx, viewer, input.caseId, "write");
    const before = await loadForChange(tx, access, input.eventId, input.version);
    const { count } = await tx.timelineEvent.deleteMany({ where: { id: before.id, version: input.version } });
    if (count !== 1) throw new ConflictError("Someone else changed this event. Review the current version and try again.");
    await markCaseChanged(tx, access);
    await recordAudit(tx, viewer, {
      action: "timeline.delete", targetType: "TimelineEvent", targetId: before.id,
      summary: { caseId: access.id, before: auditShape(before) },
    });
  });
}
