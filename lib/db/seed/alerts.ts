import { alertFingerprint } from "@/lib/alerts/fingerprint";
import type { Prisma } from "@/lib/db/generated/client";
import type { AlertStatus } from "@/lib/db/generated/enums";
import type { AlertSpec } from "./alert-spec";
import { ADVISORY_ALERTS } from "./alerts-advisory";
import { BALLOT_ALERTS } from "./alerts-ballot";
import { INCIDENT_ALERTS } from "./alerts-incident";
import { TASKFORCE_ALERTS } from "./alerts-taskforce";
import { VETTING_ALERTS } from "./alerts-vetting";
import { caseCreatedAt } from "./cases";
import { entityId, type OrgKey, type SeedContext } from "./context";
import type { DemoUserKey } from "./demo-users";
import { DAY_MS, HOUR_MS, MINUTE_MS, uuidV7 } from "./random";

export const ALERT_SPECS: readonly AlertSpec[] = [
  ...ADVISORY_ALERTS, ...INCIDENT_ALERTS, ...VETTING_ALERTS, ...BALLOT_ALERTS, ...TASKFORCE_ALERTS,
];

// How far along the triage workflow each status is; drives timestamps and the version counter.
const STAGE: Record<AlertStatus, number> = { NEW: 0, ACKNOWLEDGED: 1, TRIAGED: 2, ESCALATED: 3, DISMISSED: 3, MERGED: 3 };

interface Built {
  spec: AlertSpec;
  org: OrgKey;
  row: Prisma.AlertCreateManyInput & { id: string; firstSeenAt: Date };
}

function defaultStatus(ctx: SeedContext, spec: AlertSpec): AlertStatus {
  if (spec.daysAgo < 1) return "NEW";
  return ctx.rng.chance(0.5) ? "NEW" : "ACKNOWLEDGED";
}

function defaultAssignee(ctx: SeedContext, spec: AlertSpec, org: OrgKey, status: AlertStatus): DemoUserKey | null {
  if (status === "NEW") return null;
  if (org === "taskforce") return "tfLead";
  // Only RED-cleared users can read RED alerts, and only vetting staff or the lead read vetting.
  if (spec.tlp === "RED") return "lead";
  if (spec.kind === "VETTING") return "vetting";
  return ctx.rng.chance(0.75) ? "analyst" : "lead";
}

function buildAlert(ctx: SeedContext, spec: AlertSpec): Built {
  const { rng } = ctx;
  const org = spec.org ?? "party";
  const status = spec.status ?? defaultStatus(ctx, spec);
  const nowMs = ctx.now.getTime();
  const latest = (ms: number) => Math.min(ms, nowMs - MINUTE_MS);

  const firstSeenMs = latest(nowMs - spec.daysAgo * DAY_MS + rng.int(-120, 120) * MINUTE_MS);
  // Feeds arrive within minutes; a manual report is typed up some time after the event.
  const ingestDelay = spec.source === "manual" ? rng.int(30, 180) : rng.int(1, 15);
  const createdMs = latest(firstSeenMs + ingestDelay * MINUTE_MS);
  const occurrences = spec.occurrences ?? 1;
  const lastSeenMs = occurrences > 1 ? latest(firstSeenMs + (spec.spanHours ?? 6) * HOUR_MS) : firstSeenMs;
  const stage = STAGE[status];
  const ackMs = stage >= 1 ? latest(createdMs + rng.int(10, 240) * MINUTE_MS) : null;
  let triagedMs = stage >= 2 && ackMs !== null ? latest(ackMs + rng.int(30, 720) * MINUTE_MS) : null;
  // An alert cannot be escalated into a case before that case was opened.
  if (status === "ESCALATED" && spec.caseKey && triagedMs !== null) {
    triagedMs = latest(Math.max(triagedMs, caseCreatedAt(ctx, spec.caseKey).getTime() + rng.int(5, 60) * MINUTE_MS));
  }
  const closedMs = status === "DISMISSED" || status === "MERGED" ? triagedMs : null;

  if (status === "ESCALATED" && (!spec.caseKey || org !== "party")) throw new Error(`Escalated alert needs a party case: ${spec.title}`);
  if (status === "MERGED" && !spec.mergedInto) throw new Error(`Merged alert needs a target: ${spec.title}`);

  const assignee = spec.assignee === undefined ? defaultAssignee(ctx, spec, org, status) : spec.assignee;
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  const id = uuidV7(createdMs, rng);
  return {
    spec,
    org,
    row: {
      id,
      organisationId: ctx.orgs[org],
      kind: spec.kind,
      title: spec.title,
      summary: spec.summary,
      severity: spec.severity,
      tlp: spec.tlp,
      status,
      statusReason: spec.statusReason ?? (status === "DISMISSED" ? "Reviewed; no further action." : null),
      source: spec.source,
      sourceRef: spec.sourceRef,
      // The same key the ingestion API computes, so a feed re-sending a seeded alert deduplicates.
      fingerprint: alertFingerprint(spec),
      occurrences,
      firstSeenAt: new Date(firstSeenMs),
      lastSeenAt: new Date(lastSeenMs),
      assigneeId: assignee ? ctx.users[assignee] : null,
      caseId: spec.caseKey && status === "ESCALATED" ? ctx.cases[spec.caseKey] : null,
      acknowledgedAt: date(ackMs),
      triagedAt: date(triagedMs),
      closedAt: date(closedMs),
      version: 1 + stage,
      createdAt: new Date(createdMs),
      updatedAt: new Date(Math.max(createdMs, lastSeenMs, ackMs ?? 0, triagedMs ?? 0)),
    },
  };
}

function assertUniqueSourceRefs(built: readonly Built[]): void {
  const seen = new Set<string>();
  for (const { org, row } of built) {
    if (row.sourceRef == null) continue;
    const key = `${org}|${row.source}|${row.sourceRef}`;
    if (seen.has(key)) throw new Error(`Duplicate seeded sourceRef ${key}`);
    seen.add(key);
  }
}

/** Alerts and their entity links; fills ctx.alerts for the case timelines. */
export async function seedAlerts(ctx: SeedContext): Promise<void> {
  const built = ALERT_SPECS.map((spec) => buildAlert(ctx, spec));
  assertUniqueSourceRefs(built);
  const byKey = new Map<string, Built>();
  for (const b of built) {
    if (b.spec.key) byKey.set(b.spec.key, b);
  }
  for (const b of built) {
    if (b.spec.key) ctx.alerts.set(b.spec.key, { id: b.row.id, firstSeenAt: b.row.firstSeenAt });
    if (!b.spec.mergedInto) continue;
    const target = byKey.get(b.spec.mergedInto);
    if (!target || target.org !== b.org) throw new Error(`Merge target ${b.spec.mergedInto} not found`);
    b.row.mergedIntoId = target.row.id;
  }

  // Survivors first, so that every merged alert's foreign key already resolves.
  await ctx.tx.alert.createMany({ data: built.filter((b) => !b.row.mergedIntoId).map((b) => b.row) });
  await ctx.tx.alert.createMany({ data: built.filter((b) => b.row.mergedIntoId).map((b) => b.row) });
  await ctx.tx.alertEntity.createMany({
    data: built.flatMap((b) => (b.spec.entityKeys ?? []).map((key) => ({ alertId: b.row.id, entityId: entityId(ctx, b.org, key) }))),
    skipDuplicates: true,
  });
}
