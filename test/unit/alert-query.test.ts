import { describe, expect, it } from "vitest";
import { parseAlertListQuery } from "@/lib/alerts/schema";
import { decodeCursor, encodeCursor } from "@/lib/db/keyset";

describe("parseAlertListQuery", () => {
  it("reads plain URL parameters, one value or several", () => {
    const { query, ignored } = parseAlertListQuery({ kind: "VETTING", severity: ["HIGH", "CRITICAL"], q: "  apt31 " });
    expect(ignored).toEqual([]);
    expect(query).toMatchObject({ kind: ["VETTING"], severity: ["HIGH", "CRITICAL"], q: "apt31", limit: 50 });
  });

  it("treats empty form fields as no filter", () => {
    const { query, ignored } = parseAlertListQuery({ kind: "", status: "", q: "" });
    expect(ignored).toEqual([]);
    expect(query.kind).toBeUndefined();
    expect(query.q).toBeUndefined();
  });

  it("drops only the parameters that are not valid, keeping the rest", () => {
    const { query, ignored } = parseAlertListQuery({ severity: "BOGUS", kind: "BALLOT", assignee: "someone", limit: "5000" });
    expect(ignored.sort()).toEqual(["assignee", "limit", "severity"]);
    expect(query.kind).toEqual(["BALLOT"]);
    expect(query.severity).toBeUndefined();
    expect(query.limit).toBe(50);
  });
});

describe("keyset cursors", () => {
  it("round-trips a position and rejects anything else", () => {
    const at = new Date("2026-03-25T10:00:00.123Z");
    const id = "0199c3a0-1234-7abc-8def-0123456789ab";
    expect(decodeCursor(encodeCursor({ at, id }))).toEqual({ at, id });
    expect(decodeCursor("zzz")).toBeNull();
    expect(decodeCursor(Buffer.from("2026-03-25T10:00:00.123Z|'; drop table").toString("base64url"))).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });
});
