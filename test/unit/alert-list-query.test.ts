import { describe, expect, it } from "vitest";
import { createdAtRange, inboxSearchParams } from "@/lib/alerts/inbox-query";
import { normaliseInboxQueryString, parseAlertListQuery, saveViewSchema } from "@/lib/alerts/schema";
import { decodeCursor, encodeCursor } from "@/lib/db/keyset";

const ENTITY = "0199c3a0-1234-7abc-8def-0123456789ab";

describe("inbox query parameters", () => {
  it("reads source, entity, date range and sort with plain names", () => {
    const { query, ignored } = parseAlertListQuery({
      source: " ncsc-feed ", entity: ENTITY, from: "2026-03-01", to: "2026-03-31T23:00:00Z", sort: "severity",
    });
    expect(ignored).toEqual([]);
    expect(query).toMatchObject({ source: "ncsc-feed", entity: ENTITY, from: "2026-03-01", to: "2026-03-31T23:00:00Z", sort: "severity" });
  });

  it("defaults to newest first and drops invalid values one by one", () => {
    expect(parseAlertListQuery({}).query.sort).toBe("newest");
    const { query, ignored } = parseAlertListQuery({
      sort: "oldest", entity: "APT31", from: "2026-02-30", source: "x".repeat(101), kind: "BALLOT",
    });
    expect(ignored.sort()).toEqual(["entity", "from", "sort", "source"]);
    expect(query).toMatchObject({ kind: ["BALLOT"], sort: "newest" });
    expect(query.entity).toBeUndefined();
  });

  it("drops the end of a date range that ends before it starts, keeping the start", () => {
    const { query, ignored } = parseAlertListQuery({ from: "2026-03-10", to: "2026-03-09" });
    expect(ignored).toEqual(["to"]);
    expect(query.from).toBe("2026-03-10");
    expect(query.to).toBeUndefined();
    expect(parseAlertListQuery({ from: "2026-03-10", to: "2026-03-10" }).ignored).toEqual([]);
  });

  it("writes a canonical URL: fixed order, defaults left out, one cursor", () => {
    const { query } = parseAlertListQuery({ sort: "newest", severity: ["HIGH", "CRITICAL"], q: "apt31", kind: "VETTING", limit: "50" });
    expect(inboxSearchParams(query).toString()).toBe("q=apt31&kind=VETTING&severity=HIGH&severity=CRITICAL");
    const sorted = parseAlertListQuery({ sort: "lastSeen", limit: "20", source: "a b&c" }).query;
    expect(inboxSearchParams(sorted, { after: "CUR" }).toString()).toBe("source=a+b%26c&sort=lastSeen&limit=20&after=CUR");
  });

  it("normalises a saved view's query string and reports invalid parameters", () => {
    expect(normaliseInboxQueryString("?tlp=RED&kind=INCIDENT&before=abc&unknown=1")).toEqual({ query: "kind=INCIDENT&tlp=RED", ignored: [] });
    expect(normaliseInboxQueryString("severity=NOPE").ignored).toEqual(["severity"]);
    expect(normaliseInboxQueryString("")).toEqual({ query: "", ignored: [] });
  });

  it("validates the save-view form strictly", () => {
    expect(saveViewSchema.parse({ name: " Mine ", query: "kind=BALLOT", shared: "on" })).toEqual({ name: "Mine", query: "kind=BALLOT", shared: true });
    expect(saveViewSchema.parse({ name: "Mine", query: "" }).shared).toBe(false);
    expect(saveViewSchema.safeParse({ name: "", query: "" }).success).toBe(false);
    expect(saveViewSchema.safeParse({ name: "x".repeat(81), query: "" }).success).toBe(false);
    expect(saveViewSchema.safeParse({ name: "Mine", query: "", ownerId: ENTITY }).success).toBe(false);
  });
});

describe("createdAtRange", () => {
  it("covers whole UK days for bare dates, in summer and winter time", () => {
    expect(createdAtRange({ from: "2026-06-10", to: "2026-06-10" })).toEqual({
      gte: new Date("2026-06-09T23:00:00Z"),
      lt: new Date("2026-06-10T23:00:00Z"),
    });
    expect(createdAtRange({ from: "2026-01-15", to: "2026-01-31" })).toEqual({
      gte: new Date("2026-01-15T00:00:00Z"),
      lt: new Date("2026-02-01T00:00:00Z"),
    });
    // The day the clocks go forward (29 March 2026) is 23 hours long.
    const { gte, lt } = createdAtRange({ from: "2026-03-29", to: "2026-03-29" });
    expect(lt!.getTime() - gte!.getTime()).toBe(23 * 3_600_000);
  });

  it("takes instants as given, the end inclusive to the millisecond", () => {
    expect(createdAtRange({ from: "2026-06-10T08:00:00+01:00", to: "2026-06-10T09:00:00.500Z" })).toEqual({
      gte: new Date("2026-06-10T07:00:00Z"),
      lt: new Date("2026-06-10T09:00:00.501Z"),
    });
    expect(createdAtRange({})).toEqual({});
  });
});

describe("keyset cursors for other sort orders", () => {
  const at = new Date("2026-03-25T10:00:00.123Z");
  const id = "0199c3a0-1234-7abc-8def-0123456789ab";

  it("round-trips the sort name and key, and still reads plain cursors", () => {
    expect(decodeCursor(encodeCursor({ at, id, sort: "severity", key: "HIGH" }))).toEqual({ at, id, sort: "severity", key: "HIGH" });
    expect(decodeCursor(encodeCursor({ at, id, sort: "lastSeen" }))).toEqual({ at, id, sort: "lastSeen" });
    // A cursor written before sort orders existed.
    expect(decodeCursor(Buffer.from(`${at.toISOString()}|${id}`).toString("base64url"))).toEqual({ at, id });
  });

  it("rejects tampered keys", () => {
    for (const text of [`severity|high'--|${at.toISOString()}|${id}`, `sev erity|HIGH|${at.toISOString()}|${id}`, `severity|HIGH|${id}`]) {
      expect(decodeCursor(Buffer.from(text).toString("base64url"))).toBeNull();
    }
  });
});
