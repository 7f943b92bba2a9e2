import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/alerts/route";
import { createApiToken } from "@/lib/tokens/data";
import { createOrg, createViewer } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

// Concurrent ingestion without Idempotency-Key: repeats racing each other must fold into one row
// (never a unique-violation 500), and batches sharing alerts must not deadlock. On PostgreSQL the
// requests really run in parallel (connection pool); on PGlite they are serialised.

const db = useTestDb();
let org: string;
let secret: string;

function post(body: unknown): Promise<Response> {
  const headers = { authorization: `Bearer ${secret}`, "content-type": "application/json" };
  return POST(new Request("http://localhost/api/v1/alerts", { method: "POST", headers, body: JSON.stringify(body) }), {});
}

beforeAll(async () => {
  const { prisma } = db();
  org = (await createOrg(prisma)).id;
  const admin = await createViewer(prisma, org, "ADMIN", "RED");
  secret = (await createApiToken(admin, { name: "load", capabilities: ["alert:triage"], clearance: "AMBER", expiresInDays: undefined })).secret;
});

describe("concurrent ingestion", () => {
  it("folds 20 simultaneous copies of a new alert into one row with 20 occurrences", async () => {
    const { prisma } = db();
    for (let round = 0; round < 3; round++) {
      const alert = { kind: "INCIDENT", title: "Race", severity: "LOW", source: "race", sourceRef: `r-${round}`, entities: [{ kind: "PERSON", name: `Person ${round}` }] };
      const statuses = (await Promise.all(Array.from({ length: 20 }, () => post(alert)))).map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(19);
      const rows = await prisma.alert.findMany({ where: { organisationId: org, source: "race", sourceRef: `r-${round}` }, include: { entities: true } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ occurrences: 20, version: 20 });
      expect(rows[0]!.entities).toHaveLength(1);
    }
  });

  it("runs overlapping batches in parallel without deadlocks or lost counts", async () => {
    const { prisma } = db();
    const shuffled = (n: number) => Array.from({ length: n }, (_, i) => i).sort(() => Math.random() - 0.5);
    const batches = Array.from({ length: 6 }, () => ({
      alerts: shuffled(300).slice(0, 200).map((i) => ({
        kind: "INCIDENT", title: `Overlap ${i}`, severity: "LOW", source: "overlap", sourceRef: `o-${i}`,
        entities: [{ kind: "PERSON", name: `P${(i * 7) % 40}` }, { kind: "ORGANISATION", name: `O${(i * 3) % 40}` }],
      })),
    }));
    const responses = await Promise.all(batches.map(post));
    const failed = await Promise.all(responses.filter((r) => r.status !== 200 && r.status !== 201).map(async (r) => `${r.status} ${await r.text()}`));
    expect(failed).toEqual([]);
    const agg = await prisma.alert.aggregate({ where: { organisationId: org, source: "overlap" }, _sum: { occurrences: true } });
    expect(agg._sum.occurrences).toBe(6 * 200);
  });
});
