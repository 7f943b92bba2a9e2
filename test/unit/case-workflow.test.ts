import { describe, expect, it } from "vitest";
import { describeAuditSummary } from "@/lib/cases/activity-summary";
import { caseTagsSchema, parseCaseListQuery, updateCaseSchema } from "@/lib/cases/schema";
import { checkStatusChange, nextCaseStatus } from "@/lib/cases/status-rules";

describe("case status workflow", () => {
  it("steps forward, needs a resolution to close and a reason to reopen", () => {
    expect(nextCaseStatus("OPEN")).toBe("INVESTIGATING");
    expect(nextCaseStatus("CONTAINED")).toBe("CLOSED");
    expect(nextCaseStatus("CLOSED")).toBeNull();
    expect(checkStatusChange({ from: "OPEN", to: "INVESTIGATING" })).toEqual({ ok: true, kind: "move" });
    expect(checkStatusChange({ from: "CONTAINED", to: "INVESTIGATING" })).toEqual({ ok: true, kind: "move" });
    expect(checkStatusChange({ from: "OPEN", to: "OPEN" }).ok).toBe(false);
    expect(checkStatusChange({ from: "CONTAINED", to: "CLOSED" }).ok).toBe(false);
    expect(checkStatusChange({ from: "CONTAINED", to: "CLOSED", resolution: "Fixed" })).toEqual({ ok: true, kind: "close" });
    expect(checkStatusChange({ from: "CLOSED", to: "OPEN" }).ok).toBe(false);
    expect(checkStatusChange({ from: "CLOSED", to: "OPEN", reason: "New evidence" })).toEqual({ ok: true, kind: "reopen" });
  });
});

describe("case schemas", () => {
  it("normalises tags and caps them", () => {
    expect(caseTagsSchema.parse(" APT31, phishing ,, apt31 ")).toEqual(["apt31", "phishing"]);
    expect(caseTagsSchema.safeParse("a".repeat(41)).success).toBe(false);
    expect(caseTagsSchema.safeParse(Array.from({ length: 21 }, (_, i) => `t${i}`).join(",")).success).toBe(false);
    expect(caseTagsSchema.safeParse("javascript:alert(1)").success).toBe(false);
  });

  it("requires a version and rejects unknown fields when editing", () => {
    const id = "0197a000-0000-7000-8000-000000000000";
    const base = { caseId: id, title: "Title", summary: "", severity: "LOW", tlp: "GREEN", tags: "" };
    expect(updateCaseSchema.safeParse(base).success).toBe(false);
    expect(updateCaseSchema.parse({ ...base, version: "3" }).version).toBe(3);
    expect(updateCaseSchema.safeParse({ ...base, version: "3", ownerId: id }).success).toBe(false);
  });

  it("reads list filters from the URL, dropping bad ones", () => {
    expect(parseCaseListQuery({ status: "OPEN", tlp: "", owner: "me", q: "  phishing " })).toEqual({
      query: { status: "OPEN", owner: "me", q: "phishing" },
      ignored: [],
    });
    expect(parseCaseListQuery({ owner: "bob", tag: ["APT31", "x"] })).toEqual({ query: { tag: "apt31" }, ignored: ["owner"] });
  });
});

describe("describeAuditSummary", () => {
  it("writes before → after lines", () => {
    expect(describeAuditSummary({ before: { title: "A", ownerId: "x" }, after: { title: "B" }, reason: "Because" })).toEqual([
      "title: A → B",
      "reason: Because",
    ]);
    expect(describeAuditSummary(null)).toEqual([]);
  });
});
