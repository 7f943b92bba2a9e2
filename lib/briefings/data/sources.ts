import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { AlertKind, Tlp } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { listAlerts } from "@/lib/alerts/data/list";
import { alertVisibility } from "@/lib/alerts/data/visibility";
import { alertVisibilitySql } from "@/lib/alerts/data/visibility-sql";
import { createdAtRange } from "@/lib/alerts/inbox-query";
import { parseAlertListQuery, searchParamsToObject } from "@/lib/alerts/schema";
import { assertCan, capabilitiesOf, viewerUserId, type TokenViewer, type Viewer } from "@/lib/auth/permissions";
import { TLP_ORDER } from "@/lib/auth/tlp";
import { caseVisibility, loadCaseAccess } from "@/lib/cases/data/visibility";
import { readVisibleEvents } from "@/lib/timeline/data/list";
import { ALERT_KINDS, OPEN_ALERT_STATUSES, SEVERITIES } from "@/lib/dashboard/types";
import { NotFoundError } from "@/lib/http/errors";
import { assembleSnapshot, type AssembleResult, type SectionSource, type SourceCase } from "../assemble";
import type { SectionDefinition } from "../schema";
import { getBriefingDraft, type BuilderOptions } from "./drafts";

// Loading what a briefing's sections pull in, as the AUTHOR may see it, then assembling it under
// the briefing's TLP. Alert data is read through a stand-in viewer capped at the briefing's TLP
// (and without vetting data for another organisation's audience), so aggregates never count
// anything the audience may not get; what the author could see but the briefing leaves out is
// counted.

// The dashboard's definitions and row shapes, so frozen charts read like the live ones.
const OPEN_STATUSES = OPEN_ALERT_STATUSES;

export interface BriefingScope {
  tlp: Tlp;
  /** Addressed to another organisation (vetting data stays at home). */
  external: boolean;
}

/** The author's view narrowed to what the briefing may carry; never wider than the author's. */
export function briefingReader(viewer: Viewer, scope: BriefingScope): TokenViewer {
  const cap = Math.min(TLP_ORDER.indexOf(viewer.clearance), TLP_ORDER.indexOf(scope.tlp));
  return {
    kind: "token", tokenId: "briefing", organisationId: viewer.organisationId, name: "briefing",
    capabilities: (viewer.kind === "user" ? capabilitiesOf(viewer.role) : viewer.capabilities).filter(
      (c) => !(scope.external && c === "vetting:read"),
    ),
    clearance: TLP_ORDER[cap] ?? "CLEAR",
  };
}

async function loadCase(viewer: Viewer, caseId: string): Promise<SourceCase | null> {
  const db = getDb();
  try {
    const access = await loadCaseAccess(db, viewer, caseId, "read");
    // Briefings draw on the organisation's own cases only; a shared case is someone else's to brief.
    if (!access.standing.ownOrganisation) return null;
    const [row, events] = await Promise.all([
      db.case.findUniqueOrThrow({
        where: { id: access.id },
        select: { title: true, summary: true, status: true, severity: true, tlp: true, createdAt: true, owner: { select: { name: true } } },
      }),
      readVisibleEvents(db, viewer, access),
    ]);
    return {
      title: row.title, summary: row.summary, status: row.status, severity: row.severity, tlp: row.tlp,
      owner: row.owner?.name ?? null, openedAt: row.createdAt,
      events: events.map((e) => ({
        id: e.id, occurredAt: e.occurredAt, precision: e.precision, title: e.title, detail: e.detail, source: e.source,
        confidence: e.confidence, tags: e.tags, key: e.key, tlp: e.tlp,
      })),
    };
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

function dayRange(from: string, to: string) {
  return createdAtRange({ from, to }) as { gte: Date; lt: Date };
}

async function countInRange(reader: Viewer, from: string, to: string, open: boolean): Promise<number> {
  return getDb().alert.count({
    where: { AND: [alertVisibility(reader), { createdAt: dayRange(from, to) }, open ? { status: { in: [...OPEN_STATUSES] } } : {}] },
  });
}

/** Alerts per UK day by kind, every day of the range present (zeros included). */
async function alertsPerDay(reader: Viewer, from: string, to: string): Promise<Record<string, string | number>[]> {
  const { gte, lt } = dayRange(from, to);
  const groups = await getDb().$queryRaw<{ day: string; kind: AlertKind; n: number }[]>(Prisma.sql`
    SELECT to_char((a."createdAt" AT TIME ZONE 'Europe/London')::date, 'YYYY-MM-DD') AS "day", a."kind", count(*)::int AS "n"
      FROM "Alert" a
     WHERE ${alertVisibilitySql(reader)} AND a."createdAt" >= ${gte} AND a."createdAt" < ${lt}
     GROUP BY 1, 2`);
  const rows = new Map<string, Record<string, string | number>>();
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`) && rows.size < 400; d += 86_400_000) {
    const day = new Date(d).toISOString().slice(0, 10);
    rows.set(day, { day, ...Object.fromEntries(ALERT_KINDS.map((k) => [k, 0])) });
  }
  for (const g of groups) {
    const row = rows.get(g.day);
    if (row) row[g.kind] = Number(g.n);
  }
  return [...rows.values()];
}

async function openBySeverity(reader: Viewer, from: string, to: string): Promise<Record<string, string | number>[]> {
  const groups = await getDb().alert.groupBy({
    by: ["severity"],
    where: { AND: [alertVisibility(reader), { createdAt: dayRange(from, to), status: { in: [...OPEN_STATUSES] } }] },
    _count: { _all: true },
  });
  return SEVERITIES.map((s) => ({ severity: s, count: groups.find((g) => g.severity === s)?._count._all ?? 0 }));
}

async function loadSource(viewer: Viewer, scope: BriefingScope, def: SectionDefinition): Promise<SectionSource> {
  const reader = briefingReader(viewer, scope);
  switch (def.kind) {
    case "text":
      return { kind: "text" };
    case "case-summary":
    case "case-timeline":
      return { kind: def.kind, case: await loadCase(viewer, def.caseId) };
    case "chart": {
      const open = def.chart === "open-by-severity";
      const [rows, all, kept] = await Promise.all([
        open ? openBySeverity(reader, def.from, def.to) : alertsPerDay(reader, def.from, def.to),
        countInRange(viewer, def.from, def.to, open),
        countInRange(reader, def.from, def.to, open),
      ]);
      return { kind: "chart", rows, omitted: Math.max(0, all - kept) };
    }
    case "alert-list": {
      const userId = viewerUserId(viewer);
      const view = await getDb().savedView.findFirst({
        where: { id: def.savedViewId, organisationId: viewer.organisationId, OR: [{ shared: true }, ...(userId ? [{ ownerId: userId }] : [])] },
        select: { name: true, query: true },
      });
      if (!view) return { kind: "alert-list", viewName: null, alerts: [], omitted: 0 };
      const { query } = parseAlertListQuery(searchParamsToObject(view.query));
      const [mine, theirs] = await Promise.all([
        listAlerts(viewer, { ...query, limit: def.limit }),
        listAlerts(reader, { ...query, limit: def.limit }),
      ]);
      const keptIds = new Set(theirs.rows.map((a) => a.id));
      return {
        kind: "alert-list", viewName: view.name,
        alerts: theirs.rows.map((a) => ({ title: a.title, kind: a.kind, severity: a.severity, status: a.status, tlp: a.tlp, createdAt: a.createdAt })),
        omitted: mine.rows.filter((a) => !keptIds.has(a.id)).length,
      };
    }
  }
}

export interface BriefingMeta {
  id: string;
  title: string;
  tlp: Tlp;
  organisation: string;
  audienceOrganisationId: string | null;
  audience: string | null;
  sections: readonly SectionDefinition[];
}

/**
 * The briefing as it would be published now: sources read as the author sees them, content above
 * the briefing's TLP left out and counted. Saves nothing (the preview; publish freezes it).
 */
export async function buildSnapshot(
  viewer: Viewer,
  briefing: BriefingMeta,
  stamp: { version: number; publishedAt?: Date; publishedBy?: string } = { version: 0 },
): Promise<AssembleResult> {
  assertCan(viewer, "briefing:write");
  const scope = { tlp: briefing.tlp, external: !!briefing.audienceOrganisationId && briefing.audienceOrganisationId !== viewer.organisationId };
  const sources = await Promise.all(briefing.sections.map((definition) => loadSource(viewer, scope, definition)));
  return assembleSnapshot({
    title: briefing.title, tlp: briefing.tlp, organisation: briefing.organisation, audience: briefing.audience,
    publishedAt: stamp.publishedAt ?? new Date(), publishedBy: stamp.publishedBy ?? viewer.name,
    version: stamp.version,
    sections: briefing.sections.map((definition, i) => ({ definition, source: sources[i]! })),
  });
}

/** The live preview of a saved draft. */
export async function previewBriefing(viewer: Viewer, id: string): Promise<AssembleResult> {
  const draft = await getBriefingDraft(viewer, id);
  return buildSnapshot(viewer, draft);
}

/** What the builder offers: other organisations, the viewer's own visible cases, saved views. */
export async function getBuilderOptions(viewer: Viewer): Promise<BuilderOptions> {
  assertCan(viewer, "briefing:write");
  const db = getDb();
  const userId = viewerUserId(viewer);
  const [audiences, cases, savedViews] = await Promise.all([
    db.organisation.findMany({ where: { id: { not: viewer.organisationId } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.case.findMany({
      where: { AND: [caseVisibility(viewer), { organisationId: viewer.organisationId }] },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: 200,
      select: { id: true, title: true, tlp: true },
    }),
    db.savedView.findMany({
      where: { organisationId: viewer.organisationId, OR: [{ shared: true }, ...(userId ? [{ ownerId: userId }] : [])] },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 200,
      select: { id: true, name: true },
    }),
  ]);
  return { audiences, cases, savedViews };
}
