import { beforeAll, describe, expect, it, vi } from "vitest";
import { ALERT_CSV_HEADER, createAlertCsvStream, recordAlertExport } from "@/lib/alerts/data/export";
import { parseAlertListQuery } from "@/lib/alerts/schema";
import type { UserViewer } from "@/lib/auth/permissions";
import { createAlert, createOrg, createViewer } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

// CSV export of an inbox view: every visible matching alert across pages, escaped and
// formula-safe, audited; the route's headers and sign-in redirect.

const session = vi.hoisted(() => ({ viewer: null as UserViewer | null }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => session.viewer }));
const { GET } = await import("@/app/(app)/alerts/export/route");

const db = useTestDb();
let orgA: string, orgB: string;
let analyst: UserViewer, outsider: UserViewer;
const visibleIds: string[] = [];
let hiddenIds: string[] = [];
let hostileId = "";

const TITLES = [
  "=HYPERLINK(\"http://evil.example\",\"Click\")",
  "Quote \"this\", please",
  "Line one\nline two",
  "  +44 20 7946 0000",
  "Plain title",
];

beforeAll(async () => {
  const { prisma } = db();
  orgA = (await createOrg(prisma, "A")).id;
  orgB = (await createOrg(prisma, "B")).id;
  analyst = await createViewer(prisma, orgA, "ANALYST", "AMBER_STRICT");
  outsider = await createViewer(prisma, orgB, "ANALYST", "RED");
  const base = Date.UTC(2026, 2, 1);
  for (const [i, title] of TITLES.entries()) {
    const alert = await createAlert(prisma, orgA, {
      title, severity: i % 2 ? "HIGH" : "LOW", createdAt: new Date(base + i * 60_000), assigneeId: i === 0 ? analyst.userId : null,
    });
    visibleIds.push(alert.id);
    if (i === 0) hostileId = alert.id;
  }
  hiddenIds = [
    (await createAlert(prisma, orgA, { tlp: "RED", title: "Red line" })).id,
    (await createAlert(prisma, orgA, { kind: "VETTING", tlp: "GREEN", title: "Donor check" })).id,
    (await createAlert(prisma, orgB, { tlp: "CLEAR", title: "Other party" })).id,
  ];
});

/** A strict RFC 4180 parser, to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i += 1; continue; }
      cell += ch; i += 1; continue;
    }
    if (ch === '"' && cell === "") { quoted = true; i += 1; continue; }
    if (ch === ",") { row.push(cell); cell = ""; i += 1; continue; }
    if (ch === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i += 2; continue; }
    if (ch === "\r" || ch === "\n" || ch === '"') throw new Error(`bare ${JSON.stringify(ch)} outside quotes at ${i}`);
    cell += ch; i += 1;
  }
  if (cell !== "" || row.length > 0) throw new Error("last record not terminated by CRLF");
  return rows;
}

/** The body as text, BOM kept (Response.text() would strip it). */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  const bytes = await new Response(stream).arrayBuffer();
  return new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(bytes);
}

const query = (raw: Record<string, unknown> = {}) => parseAlertListQuery(raw).query;

describe("createAlertCsvStream", () => {
  it("writes a BOM, the header and every visible alert across pages, escaped", async () => {
    const text = await readAll(createAlertCsvStream(analyst, query(), { pageSize: 2 }));
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...ALERT_CSV_HEADER]);
    expect(rows.map((r) => r[0]).sort()).toEqual([...visibleIds].sort());
    for (const hidden of hiddenIds) expect(text).not.toContain(hidden);

    const byId = new Map(rows.map((r) => [r[0]!, r]));
    const hostile = byId.get(hostileId)!;
    expect(hostile[6]).toBe(`'${TITLES[0]}`);
    expect(hostile[8]).toBe(analyst.name);
    expect(rows.map((r) => r[6])).toEqual(expect.arrayContaining([
      "Quote \"this\", please",
      "Line one\nline two",
      "'  +44 20 7946 0000",
      "Plain title",
    ]));
    // Newest first, like the inbox; dates in ISO 8601 UTC; counts as numbers.
    expect(rows[0]![0]).toBe(visibleIds[visibleIds.length - 1]);
    expect(hostile[1]).toBe("2026-03-01T00:00:00.000Z");
    expect(hostile.slice(2, 6)).toEqual(["INCIDENT", "LOW", "NEW", "AMBER"]);
    expect(hostile[9]).toBe("1");
    expect(hostile[10]).toBe("2026-03-01T00:00:00.000Z");
  });

  it("applies the view's filters and ignores its page cursor", async () => {
    const text = await readAll(createAlertCsvStream(analyst, query({ severity: "HIGH", after: "bogus", limit: "1" }), { bom: false, pageSize: 1 }));
    const rows = parseCsv(text).slice(1);
    expect(rows.map((r) => r[3])).toEqual(["HIGH", "HIGH"]);
  });

  it("shows another organisation only its own alerts", async () => {
    const rows = parseCsv(await readAll(createAlertCsvStream(outsider, query(), { bom: false }))).slice(1);
    expect(rows.map((r) => r[6])).toEqual(["Other party"]);
  });

  it("writes just the header for an empty view", async () => {
    const text = await readAll(createAlertCsvStream(analyst, query({ q: "no such alert anywhere" }), { bom: false }));
    expect(parseCsv(text)).toEqual([[...ALERT_CSV_HEADER]]);
  });
});

describe("recordAlertExport", () => {
  it("audits the export with the view's filter, in the viewer's organisation", async () => {
    await recordAlertExport(analyst, query({ severity: ["HIGH", "CRITICAL"], q: "phish", after: "x" }));
    const events = await db().prisma.auditEvent.findMany({ where: { action: "alert.export", actorUserId: analyst.userId } });
    expect(events).toHaveLength(1);
    expect(events[0]!.organisationId).toBe(orgA);
    const summary = events[0]!.summary as { format: string; filter: Record<string, unknown> };
    expect(summary.format).toBe("csv");
    expect(summary.filter).toMatchObject({ severity: ["HIGH", "CRITICAL"], q: "phish" });
    expect(summary.filter).not.toHaveProperty("after");
    expect(summary.filter).not.toHaveProperty("limit");
  });
});

describe("GET /alerts/export", () => {
  it("downloads the view as an attachment and audits it", async () => {
    session.viewer = analyst;
    const res = await GET(new Request("http://vigil.test/alerts/export?severity=HIGH"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="vigil-alerts-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const text = await readAll(res.body!);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...ALERT_CSV_HEADER]);
    expect(rows.map((r) => r[3])).toEqual(["HIGH", "HIGH"]);
    const audits = await db().prisma.auditEvent.count({ where: { action: "alert.export", actorUserId: analyst.userId } });
    expect(audits).toBe(2);
  });

  it("sends a signed-out visitor to sign in, then back to the inbox view", async () => {
    session.viewer = null;
    const error = await GET(new Request("http://vigil.test/alerts/export?kind=INCIDENT")).catch((e: unknown) => e);
    // next/navigation's redirect() throws a control-flow error that Next turns into a 307.
    expect(String((error as { digest?: string }).digest)).toContain(`/login?callbackUrl=${encodeURIComponent("/alerts?kind=INCIDENT")}`);
  });
});
