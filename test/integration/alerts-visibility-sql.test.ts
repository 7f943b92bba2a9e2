import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import type { Role, Tlp } from "@/lib/db/generated/enums";
import { countAlerts, listAlerts } from "@/lib/alerts/data/list";
import { alertVisibility } from "@/lib/alerts/data/visibility";
import { alertVisibilitySql } from "@/lib/alerts/data/visibility-sql";
import { alertListQuerySchema } from "@/lib/alerts/schema";
import type { Capability, TokenViewer, Viewer } from "@/lib/auth/permissions";
import { TLP_ORDER } from "@/lib/auth/tlp";
import { createAlert, createCase, createOrg, createViewer } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

// The inbox filters alerts in SQL (alertVisibilitySql); everything else uses the Prisma rule
// (alertVisibility). They must agree for every kind of viewer.

const db = useTestDb();
const ROLES: Role[] = ["ADMIN", "LEAD", "ANALYST", "VETTING", "REVIEWER", "VIEWER"];
const KINDS = ["ADVISORY", "INCIDENT", "VETTING", "BALLOT"] as const;

let viewers: Viewer[];
let orgId: string;

beforeAll(async () => {
  const { prisma } = db();
  orgId = (await createOrg(prisma)).id;
  const otherOrgId = (await createOrg(prisma)).id;
  viewers = [];
  for (const role of ROLES) for (const clearance of TLP_ORDER) viewers.push(await createViewer(prisma, orgId, role, clearance));
  const tokenCaps: Capability[][] = [["alert:read"], ["alert:read", "vetting:read"]];
  for (const capabilities of tokenCaps) {
    for (const clearance of TLP_ORDER) {
      viewers.push({ kind: "token", tokenId: crypto.randomUUID(), organisationId: orgId, name: "ingest", capabilities, clearance } satisfies TokenViewer);
    }
  }
  const users = viewers.filter((v) => v.kind === "user");

  // Every kind at every TLP, unassigned and outside any case, here and in another organisation.
  for (const kind of KINDS) {
    for (const tlp of TLP_ORDER) {
      await createAlert(prisma, orgId, { kind, tlp });
      await createAlert(prisma, otherOrgId, { kind, tlp });
    }
  }
  // For every person: RED (and other TLP) alerts assigned to them, and alerts in a case they are a
  // member of, of a plain kind and of the vetting kind; plus a case with someone else only.
  const strangers = await createCase(prisma, orgId, { tlp: "RED", severity: "HIGH", memberIds: [users[0]!.userId] });
  for (const [i, user] of users.entries()) {
    const kind = i % 2 === 0 ? "INCIDENT" : "VETTING";
    const tlp: Tlp = i % 3 === 0 ? "RED" : "AMBER_STRICT";
    await createAlert(prisma, orgId, { kind, tlp: "RED", assigneeId: user.userId });
    await createAlert(prisma, orgId, { kind, tlp, assigneeId: user.userId });
    const membership = await createCase(prisma, orgId, { tlp: "RED", severity: "HIGH", memberIds: [user.userId] });
    await createAlert(prisma, orgId, { kind, tlp: "RED", caseId: membership.id });
    await createAlert(prisma, orgId, { kind: "BALLOT", tlp: "RED", caseId: membership.id, assigneeId: users[(i + 1) % users.length]!.userId });
    await createAlert(prisma, orgId, { kind, tlp: "RED", caseId: strangers.id });
  }
  // Another organisation's RED alert assigned to one of ours must stay invisible.
  await createAlert(prisma, otherOrgId, { tlp: "RED", assigneeId: users[1]!.userId });
});

describe("alertVisibilitySql", () => {
  it("selects exactly the alerts alertVisibility selects, for every role, clearance and token", async () => {
    const { prisma } = db();
    expect(viewers).toHaveLength(ROLES.length * TLP_ORDER.length + 2 * TLP_ORDER.length);
    for (const viewer of viewers) {
      const viaPrisma = (await prisma.alert.findMany({ where: alertVisibility(viewer), select: { id: true } })).map((a) => a.id).sort();
      const viaSql = (
        await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT a."id" FROM "Alert" a WHERE ${alertVisibilitySql(viewer)}`)
      ).map((a) => a.id).sort();
      expect(viaSql, `${viewer.kind} ${viewer.kind === "user" ? viewer.role : viewer.capabilities.join("+")} ${viewer.clearance}`).toEqual(viaPrisma);
    }
  });

  it("is what the inbox applies (checked end to end for a few viewers)", async () => {
    const { prisma } = db();
    const sample = viewers.filter((v, i) => i % 7 === 0);
    for (const viewer of sample) {
      const expected = (await prisma.alert.findMany({ where: alertVisibility(viewer), select: { id: true } })).map((a) => a.id).sort();
      const seen: string[] = [];
      let page = await listAlerts(viewer, alertListQuerySchema.parse({ limit: 200 }));
      seen.push(...page.rows.map((r) => r.id));
      while (page.nextCursor) {
        page = await listAlerts(viewer, alertListQuerySchema.parse({ limit: 200, after: page.nextCursor }));
        seen.push(...page.rows.map((r) => r.id));
      }
      expect(seen.sort()).toEqual(expected);
      expect((await countAlerts(viewer, alertListQuerySchema.parse({}))).total).toBe(expected.length);
    }
  });

  it("shows a RED alert to its assignee and to case members, and to no one else below RED clearance", async () => {
    const { prisma } = db();
    const users = viewers.filter((v) => v.kind === "user");
    const assignee = users.find((u) => u.clearance === "AMBER" && u.role === "ANALYST")!;
    const member = users.find((u) => u.clearance === "GREEN" && u.role === "LEAD")!;
    const bystander = users.find((u) => u.clearance === "AMBER_STRICT" && u.role === "ADMIN")!;
    const redCase = await createCase(prisma, orgId, { tlp: "RED", severity: "HIGH", memberIds: [member.userId] });
    const red = await createAlert(prisma, orgId, { tlp: "RED", assigneeId: assignee.userId, caseId: redCase.id });
    const visibleTo = async (viewer: Viewer) =>
      (await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT a."id" FROM "Alert" a WHERE ${alertVisibilitySql(viewer)} AND a."id" = ${red.id}::uuid`)).length === 1;
    expect(await visibleTo(assignee)).toBe(true);
    expect(await visibleTo(member)).toBe(true);
    expect(await visibleTo(bystander)).toBe(false);
  });
});
