import { describe, expect, it } from "vitest";
import { planIngestBatch, sightingTimes } from "@/lib/alerts/ingest-batch";
import { ingestResponse, summariseResults } from "@/lib/alerts/ingest-response";
import { ingestAlertSchema, parseIngestBody, type IngestAlert } from "@/lib/alerts/ingest-schema";
import { formatFieldPath } from "@/lib/http/field-errors";

const valid = { kind: "INCIDENT", title: "Credential phishing", severity: "HIGH", source: "mail-gw", sourceRef: "MG-1" };

function paths(body: unknown): string[] {
  const parsed = parseIngestBody(body);
  if (!parsed.ok) return parsed.errors.map((e) => e.path);
  return parsed.items.flatMap((i) => (i.ok ? [] : i.errors.map((e) => e.path)));
}

describe("ingestAlertSchema", () => {
  it("applies defaults and trims the title", () => {
    const a = ingestAlertSchema.parse({ ...valid, title: "  Credential phishing  " });
    expect(a).toMatchObject({ title: "Credential phishing", summary: "", tlp: "AMBER", entities: [] });
    expect(a.occurredAt).toBeUndefined();
    expect(ingestAlertSchema.parse({ ...valid, sourceRef: null }).sourceRef).toBeUndefined();
  });

  it("enforces enums, lengths, the source alphabet and unknown fields", () => {
    expect(paths({ ...valid, kind: "SPAM" })).toEqual(["kind"]);
    expect(paths({ ...valid, severity: "high" })).toEqual(["severity"]);
    expect(paths({ ...valid, tlp: "AMBER+STRICT" })).toEqual(["tlp"]);
    expect(paths({ ...valid, title: "x".repeat(301) })).toEqual(["title"]);
    expect(paths({ ...valid, title: "   " })).toEqual(["title"]);
    expect(paths({ ...valid, summary: "x".repeat(10_001) })).toEqual(["summary"]);
    expect(paths({ ...valid, source: "Mail GW" })).toEqual(["source"]);
    expect(paths({ ...valid, source: "x".repeat(101) })).toEqual(["source"]);
    expect(paths({ ...valid, sourceRef: "" })).toEqual(["sourceRef"]);
    expect(paths({ ...valid, sourceRef: "x".repeat(201) })).toEqual(["sourceRef"]);
    expect(paths({ ...valid, id: "x" })).toEqual(["id"]);
    expect(paths({ title: "t" })).toEqual(expect.arrayContaining(["kind", "severity", "source"]));
  });

  it("checks timestamps: ISO with a zone, not more than 5 minutes ahead, first seen not after occurred", () => {
    expect(paths({ ...valid, occurredAt: "2026-01-01 10:00" })).toEqual(["occurredAt"]);
    expect(paths({ ...valid, occurredAt: "2026-01-01T10:00:00" })).toEqual(["occurredAt"]);
    expect(paths({ ...valid, occurredAt: new Date(Date.now() + 10 * 60_000).toISOString() })).toEqual(["occurredAt"]);
    expect(paths({ ...valid, occurredAt: new Date(Date.now() + 2 * 60_000).toISOString() })).toEqual([]);
    expect(paths({ ...valid, occurredAt: "2026-01-01T10:00:00+01:00", firstSeenAt: "2026-01-02T10:00:00Z" })).toEqual(["firstSeenAt"]);
    const a = ingestAlertSchema.parse({ ...valid, occurredAt: "2026-01-01T10:00:00+01:00" });
    expect(a.occurredAt?.toISOString()).toBe("2026-01-01T09:00:00.000Z");
  });

  it("limits entities to 20 well-formed ones", () => {
    const entity = { kind: "THREAT_ACTOR", name: "APT31" };
    expect(paths({ ...valid, entities: Array(20).fill(entity) })).toEqual([]);
    expect(paths({ ...valid, entities: Array(21).fill(entity) })).toEqual(["entities"]);
    expect(paths({ ...valid, entities: [entity, { kind: "GANG", name: "" }] })).toEqual(["entities[1].kind", "entities[1].name"]);
    expect(paths({ ...valid, entities: [{ ...entity, aliases: [] }] })).toEqual(["entities[0].aliases"]);
  });
});

describe("parseIngestBody", () => {
  it("accepts one alert or a batch, and numbers batch errors by item", () => {
    const single = parseIngestBody(valid);
    expect(single).toMatchObject({ ok: true, batch: false, items: [{ ok: true, path: "" }] });
    const batch = parseIngestBody({ alerts: [valid, { ...valid, severity: 1 }] });
    expect(batch).toMatchObject({ ok: true, batch: true, items: [{ ok: true }, { ok: false, path: "alerts[1]" }] });
    expect(paths({ alerts: [valid, { ...valid, severity: 1 }] })).toEqual(["alerts[1].severity"]);
  });

  it("refuses bodies that are not an alert or a batch envelope as a whole", () => {
    expect(parseIngestBody([valid]).ok).toBe(false);
    expect(parseIngestBody(null).ok).toBe(false);
    expect(paths({ alerts: [] })).toEqual(["alerts"]);
    expect(paths({ alerts: Array(1001).fill(valid) })).toEqual(["alerts"]);
    expect(paths({ alerts: "x" })).toEqual(["alerts"]);
    expect(paths({ alerts: [valid], extra: 1 })).toEqual(["extra"]);
  });
});

describe("planIngestBatch", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  const alert = (o: Partial<IngestAlert> = {}): IngestAlert => ({ ...ingestAlertSchema.parse(valid), ...o });

  it("folds repeats by fingerprint: count, highest severity, strictest TLP, widest time span, entity union", () => {
    const plan = planIngestBatch(
      [
        { index: 0, alert: alert({ severity: "LOW", occurredAt: new Date("2026-02-01T00:00:00Z"), entities: [{ kind: "PERSON", name: "A" }] }) },
        { index: 1, alert: alert({ sourceRef: "other" }) },
        { index: 2, alert: alert({ severity: "CRITICAL", tlp: "RED", occurredAt: new Date("2026-02-05T00:00:00Z"), entities: [{ kind: "PERSON", name: "A" }, { kind: "PERSON", name: "B" }] }) },
      ],
      now,
    );
    expect(plan).toHaveLength(2);
    expect(plan[0]).toMatchObject({
      itemIndexes: [0, 2], occurrences: 2, severity: "CRITICAL", tlp: "RED",
      firstSeenAt: new Date("2026-02-01T00:00:00Z"), lastSeenAt: new Date("2026-02-05T00:00:00Z"),
      entities: [{ kind: "PERSON", name: "A" }, { kind: "PERSON", name: "B" }],
    });
    expect(plan[1]).toMatchObject({ itemIndexes: [1], occurrences: 1, firstSeenAt: now, lastSeenAt: now });
  });

  it("derives sighting times from occurredAt and firstSeenAt", () => {
    const t1 = new Date("2026-01-01T00:00:00Z");
    const t2 = new Date("2026-01-02T00:00:00Z");
    expect(sightingTimes({}, now)).toEqual({ firstSeenAt: now, lastSeenAt: now });
    expect(sightingTimes({ occurredAt: t2, firstSeenAt: t1 }, now)).toEqual({ firstSeenAt: t1, lastSeenAt: t2 });
    expect(sightingTimes({ firstSeenAt: t1 }, now)).toEqual({ firstSeenAt: t1, lastSeenAt: now });
  });
});

describe("ingestResponse", () => {
  it("is 201 when anything was created, 200 when only deduplicated, 422 problem when nothing was accepted", () => {
    const created = summariseResults([{ index: 1, status: "rejected", errors: [{ path: "alerts[1].kind", message: "x" }] }, { index: 0, status: "created", id: "a" }]);
    expect(created.results.map((r) => r.index)).toEqual([0, 1]);
    expect(ingestResponse(created, true).status).toBe(201);
    expect(ingestResponse(summariseResults([{ index: 0, status: "deduplicated", id: "a" }]), false).status).toBe(200);
    const none = ingestResponse(summariseResults([{ index: 0, status: "rejected", errors: [{ path: "kind", message: "x" }] }]), false);
    expect(none.status).toBe(422);
    expect(none.body).toMatchObject({ type: "about:blank", status: 422, errors: [{ path: "kind" }], rejected: 1 });
  });
});

describe("formatFieldPath", () => {
  it("writes dot-and-bracket paths", () => {
    expect(formatFieldPath(["alerts", 3, "severity"])).toBe("alerts[3].severity");
    expect(formatFieldPath(["name"], "alerts[0]")).toBe("alerts[0].name");
    expect(formatFieldPath(["odd key"])).toBe('["odd key"]');
    expect(formatFieldPath([])).toBe("");
  });
});
