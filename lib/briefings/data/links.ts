import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/data";
import { assertCan, viewerUserId, type Viewer } from "@/lib/auth/permissions";
import { TLP_LABELS } from "@/lib/auth/tlp";
import { getDb } from "@/lib/db/client";
import { InvalidStateError, NotFoundError } from "@/lib/http/errors";
import type { BriefingSnapshot } from "../snapshot";
import {
  READ_LINK_MAX_DAYS, READ_LINK_SECRET_PATTERN, isLinkShareableTlp, readLinkStatus,
  type CreateReadLinkInput, type ReadLinkStatus,
} from "../link-schema";

// Time-limited read links for an outside reader of a TLP:CLEAR/GREEN briefing. The secret is 32
// random bytes (base64url) shown once; only its SHA-256 is stored, so a lookup by hash reveals
// nothing through timing and a database leak yields no working links. A link shows the version
// it was made for, even after a newer version is published.

const DAY_MS = 86_400_000;

export interface ReadLinkRow {
  id: string;
  versionNumber: number | null;
  createdAt: Date;
  createdBy: string | null;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  status: ReadLinkStatus;
}

export interface CreatedReadLink {
  link: ReadLinkRow;
  /** "/b/<secret>": returned once, never stored, never shown again. */
  path: string;
}

export interface ResolvedReadLink {
  snapshot: BriefingSnapshot;
  expiresAt: Date;
}

function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** How a link is named in the audit trail: never the whole secret. */
function linkLabel(secret: string): string {
  return `Read link ${secret.slice(0, 8)}`;
}

async function ownBriefing(db: Pick<ReturnType<typeof getDb>, "briefing">, viewer: Viewer, briefingId: string) {
  const briefing = await db.briefing.findFirst({
    where: { id: briefingId, organisationId: viewer.organisationId },
    select: { id: true, title: true },
  });
  if (!briefing) throw new NotFoundError("Briefing");
  return briefing;
}

export async function createReadLink(viewer: Viewer, input: CreateReadLinkInput): Promise<CreatedReadLink> {
  assertCan(viewer, "briefing:write");
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > READ_LINK_MAX_DAYS) {
    throw new InvalidStateError(`A read link lasts between 1 and ${READ_LINK_MAX_DAYS} days.`);
  }
  const secret = randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + input.days * DAY_MS);

  const link = await getDb().$transaction(async (tx) => {
    const briefing = await ownBriefing(tx, viewer, input.briefingId);
    const version = await tx.briefingVersion.findFirst({
      where: { briefingId: briefing.id, supersededAt: null },
      orderBy: { number: "desc" },
      select: { id: true, number: true, tlp: true },
    });
    if (!version) throw new InvalidStateError("Publish the briefing before making a read link.");
    if (!isLinkShareableTlp(version.tlp)) {
      throw new InvalidStateError(
        `Read links are only for TLP:CLEAR and TLP:GREEN briefings; the published version is ${TLP_LABELS[version.tlp]}.`,
      );
    }
    const row = await tx.briefingLink.create({
      data: { briefingId: briefing.id, versionId: version.id, tokenHash: hashSecret(secret), expiresAt, createdById: viewerUserId(viewer) },
      select: { id: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
    });
    await recordAudit(tx, viewer, {
      action: "briefing.link-create",
      targetType: "Briefing",
      targetId: briefing.id,
      summary: { linkId: row.id, label: linkLabel(secret), version: version.number, tlp: version.tlp, expiresAt: expiresAt.toISOString() },
    });
    return { ...row, versionNumber: version.number };
  });
  const createdBy = viewer.kind === "user" ? viewer.name : null;
  return { link: { ...link, createdBy, status: readLinkStatus(link, now) }, path: `/b/${secret}` };
}

/** A briefing's read links, newest first (owning organisation, authors only). */
export async function listReadLinks(viewer: Viewer, briefingId: string): Promise<ReadLinkRow[]> {
  assertCan(viewer, "briefing:write");
  const db = getDb();
  await ownBriefing(db, viewer, briefingId);
  const links = await db.briefingLink.findMany({
    where: { briefingId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, versionId: true, createdById: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
    take: 200,
  });
  const [versions, creators] = await Promise.all([
    db.briefingVersion.findMany({ where: { briefingId, id: { in: links.map((l) => l.versionId) } }, select: { id: true, number: true } }),
    db.user.findMany({
      where: { organisationId: viewer.organisationId, id: { in: links.map((l) => l.createdById).filter((id): id is string => !!id) } },
      select: { id: true, name: true },
    }),
  ]);
  const numbers = new Map(versions.map((v) => [v.id, v.number]));
  const names = new Map(creators.map((u) => [u.id, u.name]));
  const now = new Date();
  return links.map((l) => ({
    id: l.id,
    versionNumber: numbers.get(l.versionId) ?? null,
    createdAt: l.createdAt,
    createdBy: l.createdById ? (names.get(l.createdById) ?? null) : null,
    expiresAt: l.expiresAt,
    revokedAt: l.revokedAt,
    lastUsedAt: l.lastUsedAt,
    status: readLinkStatus(l, now),
  }));
}

export async function revokeReadLink(viewer: Viewer, briefingId: string, linkId: string): Promise<void> {
  assertCan(viewer, "briefing:write");
  await getDb().$transaction(async (tx) => {
    const briefing = await ownBriefing(tx, viewer, briefingId);
    const link = await tx.briefingLink.findFirst({ where: { id: linkId, briefingId: briefing.id }, select: { id: true, revokedAt: true } });
    if (!link) throw new NotFoundError("Read link");
    // Conditional: two people revoking at once leave one audit event.
    const { count } = await tx.briefingLink.updateMany({ where: { id: link.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count !== 1) throw new InvalidStateError("This link is already revoked.");
    await recordAudit(tx, viewer, {
      action: "briefing.link-revoke",
      targetType: "Briefing",
      targetId: briefing.id,
      summary: { linkId: link.id },
    });
  });
}

/**
 * The briefing behind a read link, or null when the secret is malformed, unknown, expired,
 * revoked or no longer shareable — all alike, so a reader learns nothing about which. Public:
 * there is no viewer, so the view is audited here, in the owning organisation's trail.
 */
export async function resolveReadLink(secret: string): Promise<ResolvedReadLink | null> {
  if (!READ_LINK_SECRET_PATTERN.test(secret)) return null;
  const now = new Date();
  return getDb().$transaction(async (tx) => {
    const link = await tx.briefingLink.findUnique({
      where: { tokenHash: hashSecret(secret) },
      select: {
        id: true, versionId: true, expiresAt: true, revokedAt: true,
        briefing: { select: { id: true, organisationId: true } },
      },
    });
    if (!link || readLinkStatus(link, now) !== "active") return null;
    const version = await tx.briefingVersion.findFirst({
      where: { id: link.versionId, briefingId: link.briefing.id },
      select: { number: true, tlp: true, snapshot: true },
    });
    // Defensive: a link is only ever made for CLEAR/GREEN, but never serve anything else.
    if (!version || !isLinkShareableTlp(version.tlp)) return null;
    await tx.briefingLink.update({ where: { id: link.id }, data: { lastUsedAt: now } });
    await tx.auditEvent.create({
      data: {
        organisationId: link.briefing.organisationId,
        actorUserId: null,
        actorLabel: linkLabel(secret),
        action: "briefing.link-view",
        targetType: "Briefing",
        targetId: link.briefing.id,
        summary: { linkId: link.id, version: version.number },
      },
    });
    return { snapshot: version.snapshot as unknown as BriefingSnapshot, expiresAt: link.expiresAt };
  });
}
