import { describe, expect, it } from "vitest";
import { createReadLinkSchema, isLinkShareableTlp, readLinkStatus } from "@/lib/briefings/link-schema";
import { formatElapsed, printTlpName, slideCount, slideKeyAction, sortSnapshotEvents } from "@/lib/briefings/present";
import type { TimelineSnapshotEvent } from "@/lib/briefings/snapshot";

describe("slideKeyAction", () => {
  it("moves forward and back within the deck, clamped at both ends", () => {
    for (const key of ["ArrowRight", "PageDown", " "]) expect(slideKeyAction(key, 2, 7)).toEqual({ kind: "go", index: 3 });
    for (const key of ["ArrowLeft", "PageUp"]) expect(slideKeyAction(key, 2, 7)).toEqual({ kind: "go", index: 1 });
    expect(slideKeyAction("ArrowRight", 6, 7)).toEqual({ kind: "go", index: 6 });
    expect(slideKeyAction("ArrowLeft", 0, 7)).toEqual({ kind: "go", index: 0 });
    expect(slideKeyAction("Home", 4, 7)).toEqual({ kind: "go", index: 0 });
    expect(slideKeyAction("End", 1, 7)).toEqual({ kind: "go", index: 6 });
  });

  it("toggles full screen on f, escapes on Esc, and ignores other keys", () => {
    expect(slideKeyAction("f", 0, 3)).toEqual({ kind: "fullscreen" });
    expect(slideKeyAction("F", 0, 3)).toEqual({ kind: "fullscreen" });
    expect(slideKeyAction("Escape", 0, 3)).toEqual({ kind: "escape" });
    expect(slideKeyAction("x", 0, 3)).toBeNull();
    expect(slideKeyAction("Enter", 0, 3)).toBeNull();
  });

  it("counts the cover as slide 0", () => {
    expect(slideCount([])).toBe(1);
    expect(slideCount([{ kind: "text", title: "a", markdown: "" }, { kind: "text", title: "b", markdown: "" }])).toBe(3);
  });
});

describe("formatElapsed", () => {
  it("shows minutes and seconds, and hours once past an hour", () => {
    expect(formatElapsed(0)).toBe("00:00");
    expect(formatElapsed(187_400)).toBe("03:07");
    expect(formatElapsed(3_729_000)).toBe("1:02:09");
    expect(formatElapsed(-5)).toBe("00:00");
  });
});

describe("sortSnapshotEvents", () => {
  const event = (occurredAt: string, precision: TimelineSnapshotEvent["precision"], title: string): TimelineSnapshotEvent => ({
    occurredAt, precision, title, detail: "", source: "", confidence: null, tags: [], key: false, tlp: "CLEAR",
  });
  it("orders oldest first, the coarser date first on the same instant", () => {
    const sorted = sortSnapshotEvents([
      event("2022-10-01T00:00:00.000Z", "DAY", "b"),
      event("2021-08-24T13:05:00.000Z", "MINUTE", "c"),
      event("2022-10-01T00:00:00.000Z", "MONTH", "a"),
      event("2021-01-01T00:00:00.000Z", "YEAR", "d"),
    ]);
    expect(sorted.map((e) => e.title)).toEqual(["d", "c", "a", "b"]);
  });
});

describe("read link rules", () => {
  it("shares only CLEAR and GREEN", () => {
    expect(["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"].filter(isLinkShareableTlp)).toEqual(["CLEAR", "GREEN"]);
  });

  it("names revoked before expired, and active until the expiry instant", () => {
    const now = new Date("2026-01-01T12:00:00Z");
    expect(readLinkStatus({ expiresAt: new Date("2026-01-02T00:00:00Z"), revokedAt: null }, now)).toBe("active");
    expect(readLinkStatus({ expiresAt: now, revokedAt: null }, now)).toBe("expired");
    expect(readLinkStatus({ expiresAt: new Date("2025-12-01T00:00:00Z"), revokedAt: now }, now)).toBe("revoked");
  });

  it("accepts 1 to 30 days from a form and rejects anything else", () => {
    const briefingId = "0190f0b8-8f5c-7cc2-9c5e-3f1f2a4b5c6d";
    expect(createReadLinkSchema.parse({ briefingId, days: "7" })).toEqual({ briefingId, days: 7 });
    for (const days of ["0", "31", "1.5", "x", ""]) expect(createReadLinkSchema.safeParse({ briefingId, days }).success).toBe(false);
    expect(createReadLinkSchema.safeParse({ briefingId, days: 7, extra: 1 }).success).toBe(false);
    expect(createReadLinkSchema.safeParse({ briefingId: "nope", days: 7 }).success).toBe(false);
  });

  it("names print pages after the TLP", () => {
    expect(printTlpName("AMBER_STRICT")).toBe("amber-strict");
    expect(printTlpName("GREEN")).toBe("green");
  });
});
