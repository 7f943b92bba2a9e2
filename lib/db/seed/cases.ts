import type { Prisma } from "@/lib/db/generated/client";
import { APT31_CASE } from "./case-apt31";
import { ELECTORAL_COMMISSION_CASE } from "./case-electoral-commission";
import type { CaseSpec, EventTime } from "./case-spec";
import { entityId, type CaseKey, type SeedContext } from "./context";
import { DAY_MS, HOUR_MS, MINUTE_MS, uuidV7 } from "./random";

export const CASE_SPECS: readonly CaseSpec[] = [ELECTORAL_COMMISSION_CASE, APT31_CASE];

// Cases are owned by the party's security lead; the lead and the analyst are the named members
// (need-to-know). The task-force reviewer is deliberately not a member of the shared case.
const OWNER = "lead" as const;
const MEMBERS = ["lead", "analyst"] as const;

const daysAgo = (ctx: SeedContext, days: number) => new Date(ctx.now.getTime() - days * DAY_MS);

export function caseCreatedAt(ctx: SeedContext, key: CaseKey): Date {
  const spec = CASE_SPECS.find((c) => c.key === key);
  if (!spec) throw new Error(`Unknown seed case ${key}`);
  return daysAgo(ctx, spec.createdDaysAgo);
}

/** Cases with members, shares, entities, tasks and notes; fills ctx.cases. Timelines come later. */
export async function seedCases(ctx: SeedContext): Promise<void> {
  const { tx, rng } = ctx;
  for (const spec of CASE_SPECS) {
    const createdAt = daysAgo(ctx, spec.createdDaysAgo);
    const updatedAt = daysAgo(ctx, rng.int(1, 4));
    const id = uuidV7(createdAt.getTime(), rng);
    ctx.cases[spec.key] = id;
    await tx.case.create({
      data: {
        id, organisationId: ctx.orgs.party, title: spec.title, summary: spec.summary, status: spec.status,
        severity: spec.severity, tlp: spec.tlp, ownerId: ctx.users[OWNER], tags: spec.tags,
        version: 3, createdAt, updatedAt,
      },
    });
  }
  const rows = CASE_SPECS.map((spec) => ({ spec, caseId: ctx.cases[spec.key], createdAt: daysAgo(ctx, spec.createdDaysAgo) }));

  await tx.caseMember.createMany({
    data: rows.flatMap(({ caseId, createdAt }) => MEMBERS.map((m) => ({ caseId, userId: ctx.users[m], addedAt: createdAt }))),
    skipDuplicates: true,
  });
  await tx.caseShare.createMany({
    data: rows.flatMap(({ spec, caseId, createdAt }) =>
      spec.sharedWith.map((org) => ({
        caseId, organisationId: ctx.orgs[org], sharedById: ctx.users[OWNER], sharedAt: new Date(createdAt.getTime() + 2 * DAY_MS),
      })),
    ),
    skipDuplicates: true,
  });
  await tx.caseEntity.createMany({
    data: rows.flatMap(({ spec, caseId }) => spec.entityKeys.map((key) => ({ caseId, entityId: entityId(ctx, "party", key) }))),
    skipDuplicates: true,
  });
  await tx.task.createMany({
    data: rows.flatMap(({ spec, caseId }) =>
      spec.tasks.map((task) => {
        const createdAt = daysAgo(ctx, task.createdDaysAgo);
        const doneAt = task.status === "DONE" ? new Date(createdAt.getTime() + rng.int(4, 48) * HOUR_MS) : createdAt;
        return {
          id: uuidV7(createdAt.getTime(), rng), organisationId: ctx.orgs.party, caseId, title: task.title, status: task.status,
          assigneeId: ctx.users[task.assignee],
          dueAt: task.dueInDays === undefined ? null : new Date(ctx.now.getTime() + task.dueInDays * DAY_MS),
          version: task.status === "TODO" ? 1 : 2, createdAt, updatedAt: doneAt,
        };
      }),
    ),
  });
  await tx.note.createMany({
    data: rows.flatMap(({ spec, caseId }) =>
      spec.notes.map((note) => {
        const createdAt = daysAgo(ctx, note.createdDaysAgo);
        return {
          id: uuidV7(createdAt.getTime(), rng), organisationId: ctx.orgs.party, caseId, authorId: ctx.users[note.author],
          body: note.body, shareable: note.shareable, createdAt, updatedAt: createdAt,
        };
      }),
    ),
  });
}

function resolveTime(ctx: SeedContext, at: EventTime): Date {
  if ("date" in at) return at.date;
  if ("daysAgo" in at) return daysAgo(ctx, at.daysAgo);
  const alert = ctx.alerts.get(at.alert);
  if (!alert) throw new Error(`Timeline refers to unknown alert ${at.alert}`);
  return new Date(alert.firstSeenAt.getTime() + (at.plusHours ?? 0) * HOUR_MS);
}

/** Timeline events; run after the alerts so that events can link to the alerts behind them. */
export async function seedTimelines(ctx: SeedContext): Promise<void> {
  const events: Prisma.TimelineEventCreateManyInput[] = [];
  const links: { timelineEventId: string; entityId: string }[] = [];
  for (const spec of CASE_SPECS) {
    const caseCreated = daysAgo(ctx, spec.createdDaysAgo).getTime();
    spec.timeline.forEach((event, index) => {
      const occurredAt = resolveTime(ctx, event.at);
      // Historical facts were typed in when the case opened; live events shortly after they happened.
      const recordedMs = Math.min(
        ctx.now.getTime(),
        Math.max(caseCreated + (index + 1) * 7 * MINUTE_MS, occurredAt.getTime() + ctx.rng.int(5, 90) * MINUTE_MS),
      );
      const id = uuidV7(recordedMs, ctx.rng);
      const alertId = event.alertKey ? ctx.alerts.get(event.alertKey)?.id : undefined;
      if (event.alertKey && !alertId) throw new Error(`Timeline refers to unknown alert ${event.alertKey}`);
      events.push({
        id, organisationId: ctx.orgs.party, caseId: ctx.cases[spec.key], occurredAt, precision: event.precision,
        recordedAt: new Date(recordedMs), title: event.title, detail: event.detail, source: event.source,
        confidence: event.confidence ?? null, tags: event.tags, tlp: event.tlp, key: event.key ?? false, alertId: alertId ?? null,
      });
      for (const key of event.entityKeys ?? []) links.push({ timelineEventId: id, entityId: entityId(ctx, "party", key) });
    });
  }
  await ctx.tx.timelineEvent.createMany({ data: events });
  await ctx.tx.timelineEventEntity.createMany({ data: links, skipDuplicates: true });
}
