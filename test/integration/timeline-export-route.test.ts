import { beforeAll, describe, expect, it, vi } from "vitest";
import type { UserViewer } from "@/lib/auth/permissions";
import { createCase, createOrg, createViewer } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

// The timeline download route: session viewer, format, TLP filtering, not found across
// organisations, and the sign-in redirect.

const session = vi.hoisted(() => ({ viewer: null as UserViewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => session.viewer }));
const { GET } = await import("@/app/(app)/cases/[caseId]/timeline/export/route");

const db = useTestDb();
let caseId: string;
let analyst: UserViewer, outsider: UserViewer;

beforeAll(async () => {
  const { prisma } = db();
  const party = (await createOrg(prisma)).id;
  analyst = await createViewer(prisma, party, "ANALYST", "AMBER");
  outsider = await createViewer(prisma, (await createOrg(prisma)).id, "ADMIN", "RED");
  caseId = (await createCase(prisma, party, { title: "Exchange breach", tlp: "AMBER" })).id;
  await prisma.timelineEvent.createMany({
    data: [
      { organisationId: party, caseId, occurredAt: new Date("2021-08-24T00:00:00Z"), title: "=cmd|' /C calc'!A0", tlp: "CLEAR", tags: ["first-access"] },
      { organisationId: party, caseId, occurredAt: new Date("2022-01-01T00:00:00Z"), title: "Strict detail", tlp: "AMBER_STRICT" },
    ],
  });
});

const call = (id: string, query = "") => GET(new Request(`http://localhost/cases/${id}/timeline/export${query}`), { params: Promise.resolve({ caseId: id }) });

describe("GET /cases/[caseId]/timeline/export", () => {
  it("CSV: only events within the viewer's clearance, formula-safe, as an attachment", async () => {
    session.viewer = analyst;
    const res = await call(caseId, "?format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="vigil-timeline-exchange-breach.csv"');
    const body = await res.text();
    // Neutralised: a leading apostrophe before the "=".
    expect(body).toContain(",'=cmd|' /C calc'!A0,");
    expect(body).not.toContain("Strict detail");
  });

  it("JSON, and not found for another organisation or a bad id", async () => {
    session.viewer = analyst;
    const json = (await (await call(caseId, "?format=json")).json()) as { events: { title: string }[] };
    expect(json.events.map((e) => e.title)).toEqual(["=cmd|' /C calc'!A0"]);
    session.viewer = outsider;
    expect((await call(caseId)).status).toBe(404);
    expect((await call("not-a-uuid")).status).toBe(404);
  });

  it("signed out: redirects to sign in", async () => {
    session.viewer = null;
    await expect(call(caseId)).rejects.toThrow(/NEXT_REDIRECT/);
  });
});
