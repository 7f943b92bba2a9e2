import { beforeAll, describe, expect, it } from "vitest";
import type { UserViewer } from "@/lib/auth/permissions";
import { seedDemo } from "@/lib/db/seed";
import { listTimeline } from "@/lib/timeline/data/list";
import { viewerForEmail } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

// The seeded demo timelines as the page shows them.

const db = useTestDb();

let lead: UserViewer, reviewer: UserViewer;
beforeAll(async () => {
  await seedDemo(db().prisma);
  // Idempotent: a second run changes nothing.
  await expect(seedDemo(db().prisma)).resolves.toEqual({ created: false });
  lead = await viewerForEmail(db().prisma, "lead@vigil.demo");
  reviewer = await viewerForEmail(db().prisma, "reviewer@taskforce.vigil.demo");
});

const caseId = async (title: string) => (await db().prisma.case.findFirstOrThrow({ where: { title }, select: { id: true } })).id;

describe("seeded timelines", () => {
  it("Electoral Commission breach: about 14 months of dwell time, key events highlighted", async () => {
    const view = await listTimeline(lead, await caseId("Electoral Commission breach"));
    expect(view.metrics.dwellTime).toMatchObject({ label: "about 14 months", fromLabel: "24 Aug 2021", toLabel: "Oct 2022" });
    expect(view.metrics.timeToDisclose?.toLabel).toBe("8 Aug 2023");
    const keyTags = view.events.filter((e) => e.key).flatMap((e) => e.tags);
    expect(keyTags).toEqual(expect.arrayContaining(["first-access", "detection", "disclosure", "attribution", "containment"]));
    expect(view.events.every((e) => e.confidence !== null)).toBe(true);
  });

  it("APT31 case, shared with the task force: the reviewer sees the public story, not the party's AMBER detections", async () => {
    const id = await caseId("APT31 reconnaissance of parliamentarians");
    const own = await listTimeline(lead, id);
    const shared = await listTimeline(reviewer, id);
    expect(shared.shared).toBe(true);
    expect(shared.events.length).toBeGreaterThan(0);
    expect(shared.events.length).toBeLessThan(own.events.length);
    expect(shared.events.every((e) => e.tlp === "CLEAR" || e.tlp === "GREEN")).toBe(true);
    expect(shared.events.every((e) => e.alert === null)).toBe(true);
  });
});
