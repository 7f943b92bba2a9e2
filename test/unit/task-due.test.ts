import { describe, expect, it } from "vitest";
import { dueDateToInstant, dueInstantToDate, isOverdue } from "@/lib/tasks/due";
import { createNoteSchema } from "@/lib/notes/schema";

describe("task due dates (UK days)", () => {
  it("stores the start of the UK day, in GMT and in BST", () => {
    expect(dueDateToInstant("2026-01-15").toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(dueDateToInstant("2026-07-15").toISOString()).toBe("2026-07-14T23:00:00.000Z");
    expect(dueInstantToDate(dueDateToInstant("2026-07-15"))).toBe("2026-07-15");
    expect(dueInstantToDate(dueDateToInstant("2026-03-29"))).toBe("2026-03-29"); // clocks go forward
  });

  it("is overdue from the next UK day, never when done or undated", () => {
    const due = dueDateToInstant("2026-07-15");
    expect(isOverdue(due, "TODO", new Date("2026-07-15T22:59:00Z"))).toBe(false); // 23:59 BST
    expect(isOverdue(due, "TODO", new Date("2026-07-15T23:00:00Z"))).toBe(true); // 00:00 BST on the 16th
    expect(isOverdue(due, "DONE", new Date("2026-08-01T00:00:00Z"))).toBe(false);
    expect(isOverdue(null, "BLOCKED", new Date("2026-08-01T00:00:00Z"))).toBe(false);
    const winter = dueDateToInstant("2026-12-01");
    expect(isOverdue(winter, "IN_PROGRESS", new Date("2026-12-01T23:59:00Z"))).toBe(false);
    expect(isOverdue(winter, "IN_PROGRESS", new Date("2026-12-02T00:00:00Z"))).toBe(true);
  });
});

describe("note schema", () => {
  const caseId = "0190a3c4-0000-7000-8000-000000000000";
  it("reads the shareable checkbox and refuses sharing above AMBER", () => {
    expect(createNoteSchema.parse({ caseId, body: " hi ", tlp: "GREEN" })).toEqual({ caseId, body: "hi", tlp: "GREEN", shareable: false });
    expect(createNoteSchema.parse({ caseId, body: "hi", tlp: "AMBER", shareable: "on" }).shareable).toBe(true);
    const bad = createNoteSchema.safeParse({ caseId, body: "hi", tlp: "AMBER_STRICT", shareable: "on" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["shareable"]);
    expect(createNoteSchema.safeParse({ caseId, body: "x".repeat(20_001), tlp: "AMBER" }).success).toBe(false);
  });
});
