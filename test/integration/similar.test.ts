import { beforeAll, describe, expect, it } from "vitest";
import { listSimilarAlerts } from "@/lib/alerts/data/similar";
import type { UserViewer } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/http/errors";
import { createAlert, createEntity, createOrg, createViewer, linkEntity } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

const db = useTestDb();

let partyId: string, otherOrgId: string;
let analyst: UserViewer, lead: UserViewer, outsider: UserViewer;

beforeAll(async () => {
  const { prisma } = db();
  partyId = (await createOrg(prisma, "Party")).id;
  otherOrgId = (await createOrg(prisma, "Other party")).id;
  analyst = await createViewer(prisma, partyId, "ANALYST", "AMBER_STRICT");
  lead = await createViewer(prisma, partyId, "LEAD", "RED");
  outsider = await createViewer(prisma, otherOrgId, "ADMIN", "RED");
});

async function link(alertId: string, ...entityIds: string[]) {
  for (const entityId of entityIds) await linkEntity(db().prisma, alertId, entityId);
}

describe("listSimilarAlerts", () => {
  it("ranks alerts by shared entities, then by last sighting, and excludes the alert itself", async () => {
    const { prisma } = db();
    const [actor, domain, host, unrelated] = await Promise.all([
      createEntity(prisma, partyId), createEntity(prisma, partyId), createEntity(prisma, partyId), createEntity(prisma, partyId),
    ]);
    const at = (iso: string) => ({ createdAt: new Date(iso), lastSeenAt: new Date(iso) });
    const source = await createAlert(prisma, partyId, at("2026-03-01T10:00:00Z"));
    await link(source.id, actor.id, domain.id, host.id);
    const three = await createAlert(prisma, partyId, at("2026-01-01T10:00:00Z"));
    await link(three.id, actor.id, domain.id, host.id, unrelated.id);
    const twoOld = await createAlert(prisma, partyId, at("2026-02-01T10:00:00Z"));
    await link(twoOld.id, actor.id, domain.id);
    const twoNew = await createAlert(prisma, partyId, at("2026-02-20T10:00:00Z"));
    await link(twoNew.id, domain.id, host.id);
    const one = await createAlert(prisma, partyId, { ...at("2026-03-02T10:00:00Z"), assigneeId: analyst.userId });
    await link(one.id, host.id);
    const none = await createAlert(prisma, partyId);
    await link(none.id, (await createEntity(prisma, partyId)).id);

    const similar = await listSimilarAlerts(analyst, source.id);
    expect(similar.map((s) => s.id)).toEqual([three.id, twoNew.id, twoOld.id, one.id]);
    expect(similar.map((s) => s.sharedEntities)).toEqual([3, 2, 2, 1]);
    expect(similar[3]!.assignee).toEqual({ id: analyst.userId, name: analyst.name });
    expect(similar[0]!.lastSeenAt).toBeInstanceOf(Date);
    expect(similar[0]!.lastSeenAt.toISOString()).toBe("2026-01-01T10:00:00.000Z");

    expect((await listSimilarAlerts(analyst, source.id, 2)).map((s) => s.id)).toEqual([three.id, twoNew.id]);
    expect(await listSimilarAlerts(analyst, none.id)).toEqual([]);
  });

  it("shows only alerts the viewer may see", async () => {
    const { prisma } = db();
    const actor = await createEntity(prisma, partyId);
    const source = await createAlert(prisma, partyId, { tlp: "GREEN" });
    const red = await createAlert(prisma, partyId, { tlp: "RED" });
    const redMine = await createAlert(prisma, partyId, { tlp: "RED", assigneeId: analyst.userId });
    const vetting = await createAlert(prisma, partyId, { kind: "VETTING", tlp: "GREEN" });
    const visible = await createAlert(prisma, partyId, { tlp: "AMBER" });
    for (const a of [source, red, redMine, vetting, visible]) await link(a.id, actor.id);
    // Another organisation's alert linked to the same entity row must never show up.
    const theirs = await createAlert(prisma, otherOrgId, { tlp: "CLEAR" });
    await link(theirs.id, actor.id);

    const forAnalyst = (await listSimilarAlerts(analyst, source.id)).map((s) => s.id).sort();
    expect(forAnalyst).toEqual([redMine.id, visible.id].sort());
    const forLead = (await listSimilarAlerts(lead, source.id)).map((s) => s.id).sort();
    expect(forLead).toEqual([red.id, redMine.id, vetting.id, visible.id].sort());
  });

  it("answers not found for an alert the viewer may not see", async () => {
    const { prisma } = db();
    const mine = await createAlert(prisma, partyId, { tlp: "GREEN" });
    await expect(listSimilarAlerts(outsider, mine.id)).rejects.toBeInstanceOf(NotFoundError);
    const red = await createAlert(prisma, partyId, { tlp: "RED" });
    await expect(listSimilarAlerts(analyst, red.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
