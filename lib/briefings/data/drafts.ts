import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import type { BriefingStatus, Tlp } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/data";
import { assertCan, can, viewerUserId, type Viewer } from "@/lib/auth/permissions";
import { ConflictError, InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { parseStoredSections, type CreateBriefingInput, type SectionDefinition, type UpdateBriefingInput } from "../schema";

// Briefing drafts: the owning organisation reads them (case:read) and leads and admins write
// them (briefing:write). Another organisation never sees a draft: audience readers only get
// published versions (./versions.ts).

export interface BriefingRow {
  id: string;
  title: string;
  tlp: Tlp;
  status: BriefingStatus;
  organisation: string;
  audience: string | null;
  updatedAt: Date;
  latestVersion: number | null;
  publishedAt: Date | null;
}

export interface BriefingLists {
  /** The viewer's own organisation's briefings, drafts and published. */
  own: BriefingRow[];
  /** Published briefings of other organisations addressed to the viewer's. */
  addressedToYou: BriefingRow[];
}

const rowSelect = {
  id: true, title: true, tlp: true, status: true, updatedAt: true,
  organisation: { select: { name: true } },
  audience: { select: { name: true } },
  versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, publishedAt: true, title: true, tlp: true } },
} satisfies Prisma.BriefingSelect;

type RowRecord = Prisma.BriefingGetPayload<{ select: typeof rowSelect }>;

function toRow(r: RowRecord, publishedOnly: boolean): BriefingRow {
  const latest = r.versions[0] ?? null;
  return {
    id: r.id,
    // An audience reader sees the published title and marking, not later draft edits.
    title: publishedOnly && latest ? latest.title : r.title,
    tlp: publishedOnly && latest ? latest.tlp : r.tlp,
    status: r.status, organisation: r.organisation.name, audience: r.audience?.name ?? null, updatedAt: r.updatedAt,
    latestVersion: latest?.number ?? null, publishedAt: latest?.publishedAt ?? null,
  };
}

export async function listBriefings(viewer: Viewer): Promise<BriefingLists> {
  assertCan(viewer, "case:read");
  const db = getDb();
  const [own, addressed] = await Promise.all([
    db.briefing.findMany({
      where: { organisationId: viewer.organisationId },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: 200,
      select: rowSelect,
    }),
    db.briefing.findMany({
      where: { audienceOrganisationId: viewer.organisationId, organisationId: { not: viewer.organisationId }, status: "PUBLISHED" },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: 200,
      select: rowSelect,
    }),
  ]);
  return {
    own: own.map((r) => toRow(r, false)),
    addressedToYou: addressed.filter((r) => r.versions.length > 0).map((r) => toRow(r, true)),
  };
}

export interface BriefingDraft {
  id: string;
  title: string;
  tlp: Tlp;
  status: BriefingStatus;
  audienceOrganisationId: string | null;
  audience: string | null;
  organisation: string;
  sections: SectionDefinition[];
  version: number;
  updatedAt: Date;
  canWrite: boolean;
}

const draftSelect = {
  id: true, organisationId: true, title: true, tlp: true, status: true, audienceOrganisationId: true, sections: true,
  version: true, updatedAt: true, organisation: { select: { name: true } }, audience: { select: { name: true } },
} satisfies Prisma.BriefingSelect;

export type DraftRecord = Prisma.BriefingGetPayload<{ select: typeof draftSelect }>;

type Reader = Pick<Prisma.TransactionClient, "briefing">;

export function isUuid(id: string): boolean {
  return z.uuid().safeParse(id).success;
}

/** A briefing of the viewer's own organisation, or not found. */
export async function loadOwnBriefing(db: Reader, viewer: Viewer, id: string): Promise<DraftRecord> {
  assertCan(viewer, "case:read");
  // A malformed id (a hand-edited URL) is simply not found, never a database error.
  if (!isUuid(id)) throw new NotFoundError("Briefing");
  const row = await db.briefing.findFirst({ where: { id, organisationId: viewer.organisationId }, select: draftSelect });
  if (!row) throw new NotFoundError("Briefing");
  return row;
}

export function toDraft(viewer: Viewer, r: DraftRecord): BriefingDraft {
  return {
    id: r.id, title: r.title, tlp: r.tlp, status: r.status, audienceOrganisationId: r.audienceOrganisationId,
    audience: r.audience?.name ?? null, organisation: r.organisation.name, sections: parseStoredSections(r.sections),
    version: r.version, updatedAt: r.updatedAt, canWrite: can(viewer, "briefing:write"),
  };
}

/** The builder's view of a draft (own organisation only). */
export async function getBriefingDraft(viewer: Viewer, id: string): Promise<BriefingDraft> {
  return toDraft(viewer, await loadOwnBriefing(getDb(), viewer, id));
}

/**
 * TLP 2.0: AMBER+STRICT and RED never leave the organisation, so a briefing addressed to another
 * organisation is at most AMBER; the audience must be an organisation that exists.
 */
async function checkAudience(tx: Prisma.TransactionClient, viewer: Viewer, audienceId: string | null, tlp: Tlp): Promise<void> {
  if (!audienceId || audienceId === viewer.organisationId) return;
  const exists = await tx.organisation.findUnique({ where: { id: audienceId }, select: { id: true } });
  if (!exists) throw new NotFoundError("Audience organisation");
  if (tlp === "AMBER_STRICT" || tlp === "RED") {
    throw new InvalidStateError("TLP:AMBER+STRICT and TLP:RED stay inside your organisation; choose TLP:AMBER or lower for another organisation.");
  }
}

export async function createBriefing(viewer: Viewer, input: CreateBriefingInput): Promise<BriefingDraft> {
  assertCan(viewer, "briefing:write");
  return getDb().$transaction(async (tx) => {
    await checkAudience(tx, viewer, input.audienceOrganisationId, input.tlp);
    const row = await tx.briefing.create({
      data: {
        organisationId: viewer.organisationId, title: input.title, tlp: input.tlp,
        audienceOrganisationId: input.audienceOrganisationId === viewer.organisationId ? null : input.audienceOrganisationId,
        sections: input.sections as Prisma.InputJsonValue, createdById: viewerUserId(viewer),
      },
      select: draftSelect,
    });
    await recordAudit(tx, viewer, {
      action: "briefing.create", targetType: "Briefing", targetId: row.id,
      summary: { after: { title: row.title, tlp: row.tlp, audienceOrganisationId: row.audienceOrganisationId, sections: input.sections.length } },
    });
    return toDraft(viewer, row);
  });
}

/** Saves a draft; a stale version is refused with the current draft (no lost writes). */
export async function updateBriefing(viewer: Viewer, input: UpdateBriefingInput): Promise<BriefingDraft> {
  assertCan(viewer, "briefing:write");
  return getDb().$transaction(async (tx) => {
    const before = await loadOwnBriefing(tx, viewer, input.id);
    await checkAudience(tx, viewer, input.audienceOrganisationId, input.tlp);
    const audienceOrganisationId = input.audienceOrganisationId === viewer.organisationId ? null : input.audienceOrganisationId;
    // Every published version must have been addressed to whoever can read it now.
    if (before.status === "PUBLISHED" && audienceOrganisationId !== before.audienceOrganisationId) {
      throw new InvalidStateError("A published briefing keeps its audience; start a new briefing for another audience.");
    }
    const { count } = await tx.briefing.updateMany({
      where: { id: before.id, version: input.version },
      data: {
        title: input.title, tlp: input.tlp, audienceOrganisationId, sections: input.sections as Prisma.InputJsonValue,
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      throw new ConflictError("Someone else saved this briefing since you opened it. Reload to see their changes.", toDraft(viewer, before));
    }
    const after = await tx.briefing.findUniqueOrThrow({ where: { id: before.id }, select: draftSelect });
    await recordAudit(tx, viewer, {
      action: "briefing.update", targetType: "Briefing", targetId: before.id,
      summary: {
        before: { title: before.title, tlp: before.tlp, audienceOrganisationId: before.audienceOrganisationId, sections: parseStoredSections(before.sections).length },
        after: { title: after.title, tlp: after.tlp, audienceOrganisationId: after.audienceOrganisationId, sections: input.sections.length },
      },
    });
    return toDraft(viewer, after);
  });
}

export interface BuilderOptions {
  audiences: { id: string; name: string }[];
  cases: { id: string; title: string; tlp: Tlp }[];
  savedViews: { id: string; name: string }[];
}
