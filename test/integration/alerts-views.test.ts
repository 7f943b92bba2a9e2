import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { deleteSavedView, listSavedViews, saveView } from "@/lib/alerts/data/views";
import { saveViewSchema } from "@/lib/alerts/schema";
import { ForbiddenError, type UserViewer } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/http/errors";
import { createOrg, createViewer } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

const db = useTestDb();
const input = (raw: Record<string, unknown>) => saveViewSchema.parse(raw);

let analyst: UserViewer, colleague: UserViewer, lead: UserViewer, outsider: UserViewer, outsiderLead: UserViewer;

beforeAll(async () => {
  const { prisma } = db();
  const orgId = (await createOrg(prisma)).id;
  const otherOrgId = (await createOrg(prisma)).id;
  analyst = await createViewer(prisma, orgId, "ANALYST");
  colleague = await createViewer(prisma, orgId, "ANALYST");
  lead = await createViewer(prisma, orgId, "LEAD", "RED");
  outsider = await createViewer(prisma, otherOrgId, "ANALYST");
  outsiderLead = await createViewer(prisma, otherOrgId, "ADMIN", "RED");
});

describe("saved views", () => {
  it("stores the canonical query without a page cursor and writes an audit event", async () => {
    const { prisma } = db();
    const view = await saveView(analyst, input({
      name: "  High vetting  ",
      query: "?severity=HIGH&kind=VETTING&after=abc&sort=newest&limit=50&utm=x",
    }));
    expect(view).toMatchObject({ name: "High vetting", query: "kind=VETTING&severity=HIGH", shared: false, mine: true, canDelete: true });
    const audit = await prisma.auditEvent.findMany({ where: { targetType: "SavedView", targetId: view.id } });
    expect(audit).toMatchObject([{ action: "savedView.create", actorUserId: analyst.userId, organisationId: analyst.organisationId }]);
  });

  it("refuses a query with invalid parameters, naming them", async () => {
    const attempt = saveView(analyst, input({ name: "Broken", query: "severity=BOGUS&from=yesterday" }));
    await expect(attempt).rejects.toBeInstanceOf(z.ZodError);
    await expect(attempt).rejects.toThrow(/severity, from|from, severity/);
    expect((await listSavedViews(analyst)).map((v) => v.name)).not.toContain("Broken");
  });

  it("replaces a view saved again under the same name", async () => {
    const first = await saveView(analyst, input({ name: "Mine", query: "status=NEW" }));
    const second = await saveView(analyst, input({ name: "Mine", query: "status=TRIAGED&sort=severity", shared: "on" }));
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ query: "status=TRIAGED&sort=severity", shared: true });
  });

  it("shows private views to their owner only, shared views to the organisation, nothing across organisations", async () => {
    const privateView = await saveView(analyst, input({ name: "Private triage", query: "assignee=me" }));
    const sharedView = await saveView(analyst, input({ name: "Team critical", query: "severity=CRITICAL", shared: "on" }));
    const foreign = await saveView(outsider, input({ name: "Their view", query: "kind=BALLOT", shared: "on" }));

    const own = (await listSavedViews(analyst)).map((v) => v.id);
    expect(own).toEqual(expect.arrayContaining([privateView.id, sharedView.id]));
    expect(own).not.toContain(foreign.id);

    const forColleague = await listSavedViews(colleague);
    expect(forColleague.map((v) => v.id)).toContain(sharedView.id);
    expect(forColleague.map((v) => v.id)).not.toContain(privateView.id);
    expect(forColleague.find((v) => v.id === sharedView.id)).toMatchObject({ mine: false, canDelete: false, owner: { id: analyst.userId } });
    expect((await listSavedViews(lead)).find((v) => v.id === sharedView.id)).toMatchObject({ canDelete: true });

    const forOutsider = (await listSavedViews(outsiderLead)).map((v) => v.id);
    expect(forOutsider).toContain(foreign.id);
    expect(forOutsider).not.toContain(sharedView.id);
    expect(forOutsider).not.toContain(privateView.id);
  });

  it("lets the owner delete, a lead delete shared views, and answers not-found across organisations", async () => {
    const { prisma } = db();
    const privateView = await saveView(analyst, input({ name: "Scratch", query: "q=apt31" }));
    const sharedView = await saveView(analyst, input({ name: "Shared scratch", query: "q=ballot", shared: true }));
    const leadsOwn = await saveView(lead, input({ name: "Lead private", query: "tlp=RED" }));

    await expect(deleteSavedView(colleague, sharedView.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteSavedView(colleague, privateView.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteSavedView(lead, privateView.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteSavedView(analyst, leadsOwn.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteSavedView(outsiderLead, sharedView.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.savedView.count({ where: { id: { in: [privateView.id, sharedView.id, leadsOwn.id] } } })).toBe(3);

    await deleteSavedView(lead, sharedView.id);
    await deleteSavedView(analyst, privateView.id);
    expect(await prisma.savedView.count({ where: { id: { in: [privateView.id, sharedView.id] } } })).toBe(0);
    const audit = await prisma.auditEvent.findMany({ where: { targetId: sharedView.id, action: "savedView.delete" } });
    expect(audit).toMatchObject([{ actorUserId: lead.userId }]);
  });
});
