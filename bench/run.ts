// npm run bench — measures the inbox, search, the dashboard overview and ingestion against a raw-SQL baseline doing the
// same work on the same database, and records the figures in bench/results/.
//   BENCH_BACKEND=postgresql (default; 1,000,000 alerts) | pglite (100,000 alerts)
//   BENCH_ALERTS=<n>          override the size
//   BENCH_DATABASE_URL=…      an existing server (maintenance db; a vigil_bench database is made)
// Not part of npm test: it takes minutes and its numbers depend on the machine.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../lib/db/generated/client";
import { openDb, setDbHandleForTests, type DbHandle } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import type { UserViewer } from "../lib/auth/permissions";
import { createFixture, generateAlerts, type Fixture, type Sql } from "./generate";
import { startCluster, type Cluster } from "./postgres";
import { baselineDashboard, baselineInbox, baselineInboxCount, baselineIngest, baselineSearch } from "./baseline";
import { time, type Timing } from "./stats";

const backend = (process.env.BENCH_BACKEND ?? "postgresql") as "postgresql" | "pglite";
const count = Number(process.env.BENCH_ALERTS ?? (backend === "postgresql" ? 1_000_000 : 100_000));
const log = (s: string) => console.log(`[bench] ${s}`);

interface Setup {
  handle: DbHandle;
  raw: Sql;
  serverEnv: Record<string, string>;
  cleanup: () => Promise<void>;
}

async function setUp(): Promise<Setup> {
  if (backend === "pglite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "vigil-bench-pglite-"));
    const pglite = new PGlite(dir);
    const adapter = new PrismaPGlite(pglite);
    const prisma = new PrismaClient({ adapter });
    const handle: DbHandle = {
      prisma, adapter, kind: "pglite",
      listen: async (channel, onPayload) => {
        const unlisten = await pglite.listen(channel, onPayload);
        return () => unlisten();
      },
      close: async () => { await prisma.$disconnect(); if (!pglite.closed) await pglite.close(); },
    };
    return { handle, raw: pglite, serverEnv: { VIGIL_DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  let cluster: Cluster | undefined;
  const maintenance = process.env.BENCH_DATABASE_URL ?? (cluster = await startCluster()).url;
  const admin = new pg.Client({ connectionString: maintenance });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS vigil_bench WITH (FORCE)");
  await admin.query("CREATE DATABASE vigil_bench");
  await admin.end();
  const url = new URL(maintenance);
  url.pathname = "/vigil_bench";
  const handle = openDb({ url: url.toString() });
  // The same session settings as the app's pool (lib/db/client.ts), so the comparison is fair.
  const raw = new pg.Client({ connectionString: url.toString(), options: "-c jit=off" });
  await raw.connect();
  return {
    handle,
    raw,
    serverEnv: { DATABASE_URL: url.toString() },
    cleanup: async () => {
      await raw.end();
      cluster?.stop();
    },
  };
}

function viewerFor(fx: Fixture): UserViewer {
  return {
    kind: "user", userId: fx.userId, sessionId: "bench", organisationId: fx.organisationId, organisationName: "Bench Party",
    name: "Bench Analyst", email: "bench-analyst@bench.invalid", role: "ANALYST", clearance: "AMBER_STRICT",
  };
}

async function main() {
  const started = Date.now();
  log(`${backend}, ${count.toLocaleString("en-GB")} alerts`);
  const setup = await setUp();
  const { handle, raw } = setup;
  await applyMigrations(handle.adapter);
  setDbHandleForTests(handle);
  const fx = await createFixture(raw);
  const loadStarted = Date.now();
  await generateAlerts(raw, fx, count, log);
  const loadSeconds = (Date.now() - loadStarted) / 1000;
  log(`loaded in ${loadSeconds.toFixed(0)} s`);

  const { countAlerts, listAlerts } = await import("../lib/alerts/data/list");
  const { parseAlertListQuery } = await import("../lib/alerts/schema");
  const viewer = viewerFor(fx);
  const inboxQuery = parseAlertListQuery({ kind: "INCIDENT", status: "NEW" }).query;
  const searchQuery = parseAlertListQuery({ q: "phishing beacon" }).query;

  const results: Record<string, { app: Timing; baseline: Timing }> = {};
  results.inbox = {
    app: await time(() => listAlerts(viewer, inboxQuery)),
    baseline: await time(() => baselineInbox(raw, fx, viewer)),
  };
  log(`inbox p95 app ${results.inbox.app.p95} ms, raw ${results.inbox.baseline.p95} ms`);
  results.inboxCount = {
    app: await time(() => countAlerts(viewer, inboxQuery)),
    baseline: await time(() => baselineInboxCount(raw, fx, viewer)),
  };
  log(`inbox count p95 app ${results.inboxCount.app.p95} ms, raw ${results.inboxCount.baseline.p95} ms`);
  results.search = {
    app: await time(() => listAlerts(viewer, searchQuery)),
    baseline: await time(() => baselineSearch(raw, fx, viewer, "phishing beacon")),
  };
  log(`search p95 app ${results.search.app.p95} ms, raw ${results.search.baseline.p95} ms`);
  results.dashboard = await measureDashboard(setup, fx, viewer);
  log(`dashboard overview p95 app ${results.dashboard.app.p95} ms, raw ${results.dashboard.baseline.p95} ms`);

  const machine = {
    cpu: os.cpus()[0]?.model ?? "unknown", cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version, database: backend === "postgresql"
      ? `PostgreSQL ${(await raw.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? "?"}`
      : "PGlite",
  };
  const ingestion = await measureIngestion(setup, fx);

  await setup.cleanup();
  writeResults({ backend, alerts: count, loadSeconds, machine, results, ingestion, totalSeconds: (Date.now() - started) / 1000 });
}

/**
 * The whole overview page's data: all seven dashboard functions at once, as the page's panels
 * run them (each its own Suspense boundary), against the same aggregations in raw SQL, also in
 * parallel (on a small pool for PostgreSQL, as the app's adapter has one).
 */
async function measureDashboard(setup: Setup, fx: Fixture, viewer: UserViewer) {
  const alerts = await import("../lib/dashboard/data/alerts");
  const cases = await import("../lib/dashboard/data/cases");
  const overview = () => Promise.all([
    alerts.alertsPerDayForLastDays(viewer, 30),
    alerts.openAlertsBySeverity(viewer),
    alerts.triageTimesPerWeek(viewer, { weeks: 12 }),
    alerts.newestHighSeverityAlerts(viewer, 10),
    cases.openCasesByStatusAndSeverity(viewer),
    cases.overdueTasks(viewer),
    cases.casesChangedToday(viewer),
  ]);
  const pool = setup.serverEnv.DATABASE_URL ? new pg.Pool({ connectionString: setup.serverEnv.DATABASE_URL, max: 8, options: "-c jit=off" }) : null;
  try {
    return {
      app: await time(overview),
      baseline: await time(() => baselineDashboard(pool ?? setup.raw, fx, viewer)),
    };
  } finally {
    await pool?.end();
  }
}

/** Posts fresh alerts through the HTTP API of a real `next start`, then the same rows raw. */
async function measureIngestion(setup: Setup, fx: Fixture) {
  const batches = 20;
  const batchSize = 1000;
  const secret = `vgl_${randomBytes(32).toString("base64url")}`;
  await setup.raw.query(
    `INSERT INTO "ApiToken"(id, "organisationId", name, "tokenHash", prefix, capabilities, clearance)
     VALUES (gen_random_uuid(), $1, 'bench', $2, $3, ARRAY['alert:read','alert:triage'], 'AMBER_STRICT')`,
    [fx.organisationId, createHash("sha256").update(secret).digest("hex"), secret.slice(4, 12)],
  );
  const body = (b: number) => JSON.stringify({
    alerts: Array.from({ length: batchSize }, (_, i) => ({
      kind: "INCIDENT", title: `Ingested beacon ${b}-${i}`, summary: "Benchmark ingestion", severity: "MEDIUM", tlp: "AMBER",
      source: "bench-ingest", sourceRef: `ingest-${b}-${i}`,
    })),
  });
  if (!existsSync(".next/BUILD_ID")) throw new Error("No build: run `npm run build` first (the ingestion figure needs `next start`).");
  if (setup.handle.kind === "pglite") await setup.handle.close(); // one process per data folder
  const port = 3900 + Math.floor(Math.random() * 90);
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...process.env, ...setup.serverEnv, NODE_ENV: "production", NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (let i = 0; ; i++) {
      if (i > 240) throw new Error("server did not start");
      if (await fetch(`http://127.0.0.1:${port}/login`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const post = (b: number) => fetch(`http://127.0.0.1:${port}/api/v1/alerts`, {
      method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${secret}` }, body: body(b),
    }).then(async (r) => { if (r.status >= 300) throw new Error(`ingest ${r.status}: ${(await r.text()).slice(0, 300)}`); });
    await post(-1); // warm-up
    const apiStarted = performance.now();
    for (let b = 0; b < batches; b++) await post(b);
    const apiSeconds = (performance.now() - apiStarted) / 1000;
    // Re-posting the same batches exercises the dedup path.
    const dedupStarted = performance.now();
    for (let b = 0; b < 5; b++) await post(b);
    const dedupSeconds = (performance.now() - dedupStarted) / 1000;
    const peakMemoryMiB = peakRssMiB(server.pid!);
    const reopen = setup.handle.kind === "pglite";
    if (reopen) return { apiAlertsPerSecond: Math.round((batches * batchSize) / apiSeconds), dedupAlertsPerSecond: Math.round((5 * batchSize) / dedupSeconds), peakMemoryMiB, baselineAlertsPerSecond: null };
    const baselineSeconds = await baselineIngest(setup.raw, fx, batches, batchSize);
    return {
      apiAlertsPerSecond: Math.round((batches * batchSize) / apiSeconds),
      dedupAlertsPerSecond: Math.round((5 * batchSize) / dedupSeconds),
      baselineAlertsPerSecond: Math.round((batches * batchSize) / baselineSeconds),
      peakMemoryMiB,
    };
  } finally {
    server.kill("SIGTERM");
  }
}

/** Peak resident memory (VmHWM) of the app server process. */
function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

interface BenchResult {
  backend: string;
  alerts: number;
  loadSeconds: number;
  totalSeconds: number;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; database: string };
  results: Record<string, { app: Timing; baseline: Timing }>;
  ingestion: { apiAlertsPerSecond: number; dedupAlertsPerSecond: number; baselineAlertsPerSecond: number | null; peakMemoryMiB: number };
}

function writeResults(result: BenchResult) {
  mkdirSync("bench/results", { recursive: true });
  const stamp = new Date().toISOString().slice(0, 10);
  const base = `bench/results/${stamp}-${result.backend}-${result.alerts}`;
  writeFileSync(`${base}.json`, JSON.stringify(result, null, 2) + "\n");
  writeFileSync(`${base}.md`, renderMarkdown(result));
  log(`wrote ${base}.json and .md`);
}

function renderMarkdown(r: BenchResult): string {
  const row = (name: string, x: { app: Timing; baseline: Timing }, target: number) =>
    `| ${name} | ${x.app.p50} | ${x.app.p95} | ${x.baseline.p50} | ${x.baseline.p95} | ${(x.app.p95 / x.baseline.p95).toFixed(2)}× | ≤ ${target} ms |`;
  const ing = r.ingestion;
  return [
    `# Benchmark: ${r.backend}, ${r.alerts.toLocaleString("en-GB")} alerts (${new Date().toISOString().slice(0, 10)})`,
    "",
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, database ${r.machine.database}. Load took ${Math.round(r.loadSeconds)} s.`,
    "",
    "| Query | app p50 ms | app p95 ms | raw p50 ms | raw p95 ms | app/raw p95 | target |",
    "|---|---|---|---|---|---|---|",
    row("Inbox first page (kind + status filters)", r.results.inbox!, 50),
    row("Inbox match count (capped at 10,000)", r.results.inboxCount!, 50),
    row("Full-text search, first page", r.results.search!, 150),
    ...(r.results.dashboard ? [row("Dashboard overview: all 7 panel queries in parallel", r.results.dashboard, 200).replace("| ≤ 200 ms |", "| ≤ 200 ms (whole overview) |")] : []),
    "",
    "| Ingestion | alerts/s |",
    "|---|---|",
    `| HTTP API, batches of 1,000, new alerts | ${ing.apiAlertsPerSecond} |`,
    `| HTTP API, repeated batches (dedup) | ${ing.dedupAlertsPerSecond} |`,
    `| Raw multi-row INSERT … ON CONFLICT | ${ing.baselineAlertsPerSecond ?? "n/a"} |`,
    "",
    `Peak memory of the app server (VmHWM): ${ing.peakMemoryMiB} MiB.`,
    "",
  ].join("\n");
}

await main();
