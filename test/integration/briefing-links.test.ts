import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { Tlp } from "@/lib/db/generated/enums";
import { ForbiddenError, type UserViewer } from "@/lib/auth/permissions";
import { InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { createReadLink, listReadLinks, resolveReadLink, revokeReadLink } from "@/lib/briefings/data/links";
import type { BriefingSnapshot } from "@/lib/briefings/snapshot";
import { createOrg, createViewer } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

const db = useTestDb();

let orgA: string, orgB: string;
let leadA: UserViewer, analystA: UserViewer, leadB: UserViewer;

function snapshotFor(title: string, tlp: Tlp, version = 1): BriefingSnapshot {
  return {
    title, tlp, organisation: "Party A", audience: "Task force", publishedAt: new Date().toISOString(),
    publishedBy: "Lead", version, sections: [{ kind: "text", title: "Summary", markdown: "Hello" }],
  };
}

/** A briefing with published versions (the last one current), written straight through Prisma. */
async function publishedBriefing(prisma: PrismaClient, organisationId: string, tlps: Tlp[] = ["GREEN"]) {
  const title = `Briefing ${Math.random().toString(36).slice(2, 8)}`;
  const briefing = await prisma.briefing.create({
    data: { organisationId, title, tlp: tlps.at(-1)!, status: tlps.length ? "PUBLISHED" : "DRAFT" },
  });
  for (const [i, tlp] of tlps.entries()) {
    await prisma.briefingVersion.create({
      data: {
        briefingId: briefing.id, number: i + 1, title, tlp, publishedBy: "Lead",
        snapshot: snapshotFor(title, tlp, i + 1) as never,
        supersededAt: i < tlps.length - 1 ? new Date() : null,
      },
    });
  }
  return briefing;
}

const secretOf = (path: string) => path.replace(/^\/b\//, "");

beforeAll(async () => {
  const { prisma } = db();
  orgA = (await createOrg(prisma, "Party A")).id;
  orgB = (await createOrg(prisma, "Party B")).id;
  leadA = await createViewer(prisma, orgA, "LEAD", "RED");
  analystA = await createViewer(prisma, orgA, "ANALYST", "RED");
  leadB = await createViewer(prisma, orgB, "LEAD", "RED");
});

describe("createReadLink", () => {
  it("returns /b/<secret> once, stores only its SHA-256, and audits the creation", async () => {
    const { prisma } = db();
    const briefing = await publishedBriefing(prisma, orgA, ["GREEN"]);
    const { link, path } = await createReadLink(leadA, { briefingId: briefing.id, days: 7 });
    const secret = secretOf(path);
    expect(path).toMatch(/^\/b\/[A-Za-z0-9_-]{43}$/);
    expect(link).toMatchObject({ versionNumber: 1, status: "active", createdBy: leadA.name, revokedAt: null });
    expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(link.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);

    const row = await prisma.briefingLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(secret);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "briefing.link-create", targetId: briefing.id } });
    expect(audit).toMatchObject({ organisationId: orgA, actorUserId: leadA.userId });
    expect(JSON.stringify(audit.summary)).not.toContain(secret);
  });

  it("links the current version of a briefing with several", async () => {
    const briefing = await publishedBriefing(db().prisma, orgA, ["AMBER", "CLEAR"]);
    const { link } = await createReadLink(leadA, { briefingId: briefing.id, days: 1 });
    expect(link.versionNumber).toBe(2);
  });

  it.each(["AMBER", "AMBER_STRICT", "RED"] as const)("refuses a %s briefing", async (tlp) => {
    const { prisma } = db();
    const briefing = await publishedBriefing(prisma, orgA, [tlp]);
    await expect(createReadLink(leadA, { briefingId: briefing.id, days: 7 })).rejects.toThrow(/only for TLP:CLEAR and TLP:GREEN/);
    expect(await prisma.briefingLink.count({ where: { briefingId: briefing.id } })).toBe(0);
  });

  it("refuses an unpublished briefing and an out-of-range lifetime", async () => {
    const { prisma } = db();
    const draft = await prisma.briefing.create({ data: { organisationId: orgA, title: "Draft", tlp: "GREEN" } });
    await expect(createReadLink(leadA, { briefingId: draft.id, days: 7 })).rejects.toBeInstanceOf(InvalidStateError);
    const briefing = await publishedBriefing(prisma, orgA, ["GREEN"]);
    await expect(createReadLink(leadA, { briefingId: briefing.id, days: 31 })).rejects.toBeInstanceOf(InvalidStateError);
    await expect(createReadLink(leadA, { briefingId: briefing.id, days: 0 })).rejects.toBeInstanceOf(InvalidStateError);
  });

  it("is for briefing authors of the owning organisation only", async () => {
    const briefing = await publishedBriefing(db().prisma, orgA, ["GREEN"]);
    await expect(createReadLink(analystA, { briefingId: briefing.id, days: 7 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createReadLink(leadB, { briefingId: briefing.id, days: 7 })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("resolveReadLink", () => {
  it("shows the linked snapshot, records lastUsedAt and audits the view in the owner's trail", async () => {
    const { prisma } = db();
    const briefing = await publishedBriefing(prisma, orgA, ["GREEN"]);
    const { link, path } = await createReadLink(leadA, { briefingId: briefing.id, days: 7 });
    const resolved = await resolveReadLink(secretOf(path));
    expect(resolved?.snapshot).toMatchObject({ title: briefing.title, tlp: "GREEN", version: 1 });
    const row = await prisma.briefingLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.lastUsedAt).not.toBeNull();
    const views = await prisma.auditEvent.findMany({ where: { action: "briefing.link-view", targetId: briefing.id } });
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ organisationId: orgA, actorUserId: null, actorLabel: `Read link ${secretOf(path).slice(0, 8)}` });
    expect(views[0]!.summary).toMatchObject({ linkId: link.id, version: 1 });
  });

  it("keeps showing the linked version after a newer one is published", async () => {
    const { prisma } = db();
    const briefing = await publishedBriefing(prisma, orgA, ["GREEN"]);
    const { path } = await createReadLink(leadA, { briefingId: briefing.id, days: 7 });
    await prisma.briefingVersion.updateMany({ where: { briefingId: briefing.id }, data: { supersededAt: new Date() } });
    await prisma.briefingVersion.create({
      data: { briefingId: briefing.id, number: 2, title: "v2", tlp: "GREEN", publishedBy: "Lead", snapshot: snapshotFor("v2", "GREEN", 2) as never },
    });
    expect((await resolveReadLink(secretOf(path)))?.snapshot.version).toBe(1);
  });

  it("refuses expired, revoked, unknown and malformed links identically, without auditing a view", async () => {
    const { prisma } = db();
    const briefing = await publishedBriefing(prisma, orgA, ["CLEAR"]);
    const expired = await createReadLink(leadA, { briefingId: briefing.id, days: 1 });
    await prisma.briefingLink.update({ where: { id: expired.link.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await createReadLink(leadA, { briefingId: briefing.id, days: 1 });
    await revokeReadLink(leadA, briefing.id, revoked.link.id);

    const unknown = "A".repeat(43);
    const results = await Promise.all([secretOf(expired.path), secretOf(revoked.path), unknown, "short", "../etc"].map(resolveReadLink));
    expect(results).toEqual([null, null, null, null, null]);
    expect(await prisma.auditEvent.count({ where: { action: "briefing.link-view", targetId: briefing.id } })).toBe(0);
    expect((await prisma.briefingLink.findUniqueOrThrow({ where: { id: expired.link.id } })).lastUsedAt).toBeNull();
  });

  it("never serves a version above GREEN, even if a link row points at one", async () => {
    const { prisma } = db();
    const briefing = await publishedBriefing(prisma, orgA, ["GREEN"]);
    const { path } = await createReadLink(leadA, { briefingId: briefing.id, days: 7 });
    await prisma.briefingVersion.updateMany({ where: { briefingId: briefing.id }, data: { tlp: "AMBER" } });
    expect(await resolveReadLink(secretOf(path))).toBeNull();
  });
});

describe("listReadLinks and revokeReadLink", () => {
  it("lists a briefing's links with their status, and revokes with an audit event", async () => {
    const { prisma } = db();
    const briefing = await publishedBriefing(prisma, orgA, ["GREEN"]);
    const a = await createReadLink(leadA, { briefingId: briefing.id, days: 3 });
    const b = await createReadLink(leadA, { briefingId: briefing.id, days: 3 });
    await revokeReadLink(leadA, briefing.id, a.link.id);
    const list = await listReadLinks(leadA, briefing.id);
    expect(list.map((l) => [l.id, l.status])).toEqual([[b.link.id, "active"], [a.link.id, "revoked"]]);
    for (const row of list) expect(Object.keys(row)).not.toContain("tokenHash");
    expect(await prisma.auditEvent.count({ where: { action: "briefing.link-revoke", targetId: briefing.id, organisationId: orgA } })).toBe(1);
    await expect(revokeReadLink(leadA, briefing.id, a.link.id)).rejects.toBeInstanceOf(InvalidStateError);
    await expect(listReadLinks(analystA, briefing.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("treats another organisation's briefing and links as not found", async () => {
    const { prisma } = db();
    const briefing = await publishedBriefing(prisma, orgA, ["GREEN"]);
    const { link, path } = await createReadLink(leadA, { briefingId: briefing.id, days: 3 });
    await expect(listReadLinks(leadB, briefing.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeReadLink(leadB, briefing.id, link.id)).rejects.toBeInstanceOf(NotFoundError);
    // Their own briefing id with our link id: still not found.
    const theirs = await publishedBriefing(prisma, orgB, ["GREEN"]);
    await expect(revokeReadLink(leadB, theirs.id, link.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.briefingLink.findUniqueOrThrow({ where: { id: link.id } })).revokedAt).toBeNull();
    expect(await resolveReadLink(secretOf(path))).not.toBeNull();
  });
});
