import { describe, expect, it } from "vitest";
import { compareSnapshots } from "@/lib/briefings/compare";
import { createBriefingSchema, sectionDefinitionSchema, updateBriefingSchema } from "@/lib/briefings/schema";
import type { BriefingSnapshot } from "@/lib/briefings/snapshot";

const id = "0190f5f0-0000-7000-8000-000000000001";

describe("briefing schemas", () => {
  it("accepts each section kind and refuses unknown fields, long text and bad ranges", () => {
    expect(sectionDefinitionSchema.parse({ kind: "alert-list", savedViewId: id })).toMatchObject({ limit: 10 });
    expect(sectionDefinitionSchema.safeParse({ kind: "text", title: "T", markdown: "x".repeat(20_001) }).success).toBe(false);
    expect(sectionDefinitionSchema.safeParse({ kind: "case-summary", caseId: id, extra: 1 }).success).toBe(false);
    expect(sectionDefinitionSchema.safeParse({ kind: "chart", chart: "alerts-per-day", from: "2026-03-02", to: "2026-03-01" }).success).toBe(false);
    expect(sectionDefinitionSchema.safeParse({ kind: "chart", chart: "alerts-per-day", from: "2024-01-01", to: "2026-01-01" }).success).toBe(false);
    expect(sectionDefinitionSchema.safeParse({ kind: "alert-list", savedViewId: id, limit: 51 }).success).toBe(false);
  });

  it("caps sections at 30 and needs a version to update", () => {
    const sections = Array.from({ length: 31 }, () => ({ kind: "text", title: "T", markdown: "" }));
    expect(createBriefingSchema.safeParse({ title: "B", sections }).success).toBe(false);
    expect(createBriefingSchema.parse({ title: "B", audienceOrganisationId: "" })).toMatchObject({ audienceOrganisationId: null, tlp: "AMBER" });
    expect(updateBriefingSchema.safeParse({ id, title: "B" }).success).toBe(false);
  });
});

describe("compareSnapshots", () => {
  const base: BriefingSnapshot = {
    title: "B", tlp: "GREEN", organisation: "P", audience: null, publishedAt: "2026-01-01T00:00:00Z", publishedBy: "L", version: 1,
    sections: [
      { kind: "text", title: "Intro", markdown: "a" },
      { kind: "case-timeline", title: "Timeline", caseTitle: "C", from: null, to: null, events: [] },
    ],
  };
  it("reports added, removed and changed sections and timeline events", () => {
    const next: BriefingSnapshot = {
      ...base, version: 2,
      sections: [
        { kind: "case-timeline", title: "Timeline", caseTitle: "C", from: null, to: null, events: [
          { occurredAt: "2026-01-02T00:00:00.000Z", precision: "DAY", title: "New", detail: "", source: "", confidence: null, tags: [], key: false, tlp: "GREEN" },
        ] },
        { kind: "text", title: "Outro", markdown: "b" },
      ],
    };
    const diff = compareSnapshots(base, next);
    expect(diff.sections.map((s) => [s.title, s.status])).toEqual([["Timeline", "changed"], ["Outro", "added"], ["Intro", "removed"]]);
    expect(diff.sections[0]!.details).toEqual(["Event added: 2026-01-02 — New"]);
    expect(diff.summary).toBe("1 changed, 1 added, 1 removed, 0 unchanged");
  });
});
