import { beforeAll, describe, expect, it } from "vitest";
import type { UserViewer } from "@/lib/auth/permissions";
import { listBriefings } from "@/lib/briefings/data/drafts";
import { getBriefingVersion } from "@/lib/briefings/data/versions";
import { seedDemo } from "@/lib/db/seed";
import { DEMO_BRIEFING_TITLE } from "@/lib/db/seed/briefing";
import { viewerForEmail } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

// The demo's published briefing: the Electoral Commission case for the task force, at TLP:GREEN.

const db = useTestDb();

let lead: UserViewer, reviewer: UserViewer;
beforeAll(async () => {
  await seedDemo(db().prisma);
  await expect(seedDemo(db().prisma)).resolves.toEqual({ created: false });
  lead = await viewerForEmail(db().prisma, "lead@vigil.demo");
  reviewer = await viewerForEmail(db().prisma, "reviewer@taskforce.vigil.demo");
});

describe("seeded briefing", () => {
  it("is published to the task force at TLP:GREEN with only GREEN-or-lower content", async () => {
    const addressed = (await listBriefings(reviewer)).addressedToYou;
    expect(addressed.map((b) => b.title)).toEqual([DEMO_BRIEFING_TITLE]);
    const version = await getBriefingVersion(reviewer, addressed[0]!.id);
    expect(version.snapshot).toMatchObject({ tlp: "GREEN", version: 1, audience: "Defending Democracy Taskforce" });
    expect(version.snapshot.sections.map((s) => s.kind)).toEqual(["text", "case-timeline", "chart"]);
    const timeline = version.snapshot.sections.find((s) => s.kind === "case-timeline");
    expect(timeline?.kind === "case-timeline" && timeline.events.length).toBeGreaterThan(3);
    expect(timeline?.kind === "case-timeline" && timeline.events.every((e) => e.tlp === "CLEAR" || e.tlp === "GREEN")).toBe(true);
    const chart = version.snapshot.sections.find((s) => s.kind === "chart");
    expect(chart?.kind === "chart" && chart.rows).toHaveLength(30);

    const own = await getBriefingVersion(lead, addressed[0]!.id);
    // The AMBER case summary and the AMBER events and alerts were left out, and counted.
    expect(own.omitted).toBeGreaterThan(1);
  });
});
