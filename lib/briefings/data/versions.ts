import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { Tlp } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/data";
import { assertCan, viewerUserId, type Viewer } from "@/lib/auth/permissions";
import { ConflictError, InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { compareSnapshots, type VersionDiff } from "../compare";
import { parseStoredSections } from "../schema";
import type { BriefingSnapshot } from "../snapshot";
import { isUuid, loadOwnBriefing } from "./drafts";
import { buildSnapshot } from "./sources";

// Published versions: immutable snapshots. The owning organisation reads every version (with the
// count of what was left out); the audience organisation reads published versions only, never
// the count, and each such read is audited in the owning organisation's trail.

export interface PublishResult {
  number: number;
  omitted: number;
  warnings: string[];
}

/**
 * Freezes the draft as it would be assembled now into version N+1, supersedes version N, and
 * marks the briefing published. `expectedVersion`, when given, must be the draft's version (the
 * author publishes what they previewed).
 */
export async function publishBriefing(viewer: Viewer, id: string, expectedVersion?: number): Promise<PublishResult> {
  assertCan(viewer, "briefing:write");
  const db = getDb();
  const draft = await loadOwnBriefing(db, viewer, id);
  if (expectedVersion !== undefined && draft.version !== expectedVersion) {
    throw new ConflictError("This briefing changed since you opened it. Reload before publishing.");
  }
  const sections = parseStoredSections(draft.sections);
  if (sections.length === 0) throw new InvalidStateError("Add at least one section before publishing.");
  const latest = await db.briefingVersion.findFirst({ where: { briefingId: id }, orderBy: { number: "desc" }, select: { number: true } });
  const number = (latest?.number ?? 0) + 1;
  const publishedAt = new Date();
  const { snapshot, omitted, warnings } = await buildSnapshot(
    viewer,
    { ...draft, organisation: draft.organisation.name, audience: draft.audience?.name ?? null, sections },
    { version: number, publishedAt, publishedBy: viewer.name },
  );

  try {
    await db.$transaction(async (tx) => {
      // Nobody saved or published in between: the draft's version is bumped by both.
      const { count } = await tx.briefing.updateMany({
        where: { id, organisationId: viewer.organisationId, version: draft.version },
        data: { status: "PUBLISHED", version: { increment: 1 } },
      });
      if (count === 0) throw new ConflictError("This briefing changed while it was being published. Try again.");
      await tx.briefingVersion.updateMany({ where: { briefingId: id, supersededAt: null }, data: { supersededAt: publishedAt } });
      const created = await tx.briefingVersion.create({
        data: {
          briefingId: id, number, title: draft.title, tlp: draft.tlp, snapshot: snapshot as unknown as Prisma.InputJsonValue,
          omitted, publishedById: viewerUserId(viewer), publishedBy: viewer.name, publishedAt,
        },
        select: { id: true },
      });
      await recordAudit(tx, viewer, {
        action: "briefing.publish", targetType: "Briefing", targetId: id,
        summary: { version: number, versionId: created.id, tlp: draft.tlp, audienceOrganisationId: draft.audienceOrganisationId, sections: snapshot.sections.length, omitted },
      });
    });
  } catch (error) {
    if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002") {
      throw new ConflictError("Someone else published this briefing at the same moment. Reload to see their version.");
    }
    throw error;
  }
  return { number, omitted, warnings };
}

interface ReadableBriefing {
  id: string;
  organisationId: string;
  own: boolean;
}

/** Own organisation: any briefing with case:read; audience: published and addressed to them. */
async function loadReadable(db: Prisma.TransactionClient | ReturnType<typeof getDb>, viewer: Viewer, id: string): Promise<ReadableBriefing> {
  assertCan(viewer, "case:read");
  if (!isUuid(id)) throw new NotFoundError("Briefing");
  const row = await db.briefing.findFirst({
    where: {
      id,
      OR: [{ organisationId: viewer.organisationId }, { audienceOrganisationId: viewer.organisationId, status: "PUBLISHED" }],
    },
    select: { id: true, organisationId: true },
  });
  if (!row) throw new NotFoundError("Briefing");
  return { ...row, own: row.organisationId === viewer.organisationId };
}

export interface VersionRow {
  number: number;
  title: string;
  tlp: Tlp;
  publishedAt: Date;
  publishedBy: string;
  supersededAt: Date | null;
  /** Left out above the TLP: the owning organisation only. */
  omitted: number | null;
}

export async function listBriefingVersions(viewer: Viewer, id: string): Promise<VersionRow[]> {
  const db = getDb();
  const b = await loadReadable(db, viewer, id);
  const rows = await db.briefingVersion.findMany({
    where: { briefingId: b.id },
    orderBy: { number: "desc" },
    take: 500,
    select: { number: true, title: true, tlp: true, publishedAt: true, publishedBy: true, supersededAt: true, omitted: true },
  });
  return rows.map((r) => ({ ...r, omitted: b.own ? r.omitted : null }));
}

export interface BriefingVersionView {
  briefingId: string;
  number: number;
  latestNumber: number;
  snapshot: BriefingSnapshot;
  supersededAt: Date | null;
  /** The viewer belongs to the owning organisation. */
  own: boolean;
  omitted: number | null;
}

/** One published version (the latest by default). Audience reads go in the owner's audit trail. */
export async function getBriefingVersion(viewer: Viewer, id: string, number?: number): Promise<BriefingVersionView> {
  const db = getDb();
  const b = await loadReadable(db, viewer, id);
  const [row, latest] = await Promise.all([
    db.briefingVersion.findFirst({
      where: { briefingId: b.id, ...(number !== undefined ? { number } : {}) },
      orderBy: { number: "desc" },
      select: { id: true, number: true, snapshot: true, supersededAt: true, omitted: true },
    }),
    db.briefingVersion.findFirst({ where: { briefingId: b.id }, orderBy: { number: "desc" }, select: { number: true } }),
  ]);
  if (!row || !latest) throw new NotFoundError("Briefing version");
  if (!b.own) {
    await db.$transaction(async (tx) => {
      await recordAudit(
        tx,
        viewer,
        { action: "briefing.read", targetType: "Briefing", targetId: b.id, summary: { version: row.number, viewerOrganisationId: viewer.organisationId } },
        { organisationId: b.organisationId },
      );
    });
  }
  return {
    briefingId: b.id, number: row.number, latestNumber: latest.number, snapshot: row.snapshot as unknown as BriefingSnapshot,
    supersededAt: row.supersededAt, own: b.own, omitted: b.own ? row.omitted : null,
  };
}

/** Section-by-section differences from version a to version b. */
export async function compareVersions(viewer: Viewer, id: string, a: number, b: number): Promise<VersionDiff> {
  const db = getDb();
  const briefing = await loadReadable(db, viewer, id);
  const rows = await db.briefingVersion.findMany({
    where: { briefingId: briefing.id, number: { in: [a, b] } },
    select: { number: true, snapshot: true },
  });
  const va = rows.find((r) => r.number === a);
  const vb = rows.find((r) => r.number === b);
  if (!va || !vb) throw new NotFoundError("Briefing version");
  if (!briefing.own) {
    await db.$transaction(async (tx) => {
      await recordAudit(
        tx,
        viewer,
        { action: "briefing.compare", targetType: "Briefing", targetId: briefing.id, summary: { a, b, viewerOrganisationId: viewer.organisationId } },
        { organisationId: briefing.organisationId },
      );
    });
  }
  return compareSnapshots(va.snapshot as unknown as BriefingSnapshot, vb.snapshot as unknown as BriefingSnapshot);
}
