import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import type { E2eContext } from "./context";

// E2E global setup: find Chromium, build the app if the build is missing or stale, seed a
// temporary embedded database, start `next start` on a free port and share its URL.
//
// Environment:
//   CHROMIUM_PATH       browser binary (default /usr/bin/chromium)
//   VIGIL_REQUIRE_E2E=1 a missing browser fails the run instead of skipping (CI sets it)
//   VIGIL_E2E_BUILD     "always" (or 1) rebuilds, "never" (or 0) reuses .next as it is;
//                       default: build only when .next/BUILD_ID is older than the sources
// Logs of the build, the seed and the server go to test-results/e2e-*.log.

const root = process.cwd();
const logDir = path.join(root, "test-results");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

const BUILD_INPUTS = [
  "app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.ts",
  "prisma/schema.prisma", "package-lock.json", "tsconfig.json",
];

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const skipped = (skipReason: string): void => project.provide("vigilE2e", { baseURL: "", chromiumPath: "", skipReason });

  const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!isExecutable(chromiumPath)) {
    const reason = `Chromium not found at ${chromiumPath}`;
    if (process.env.VIGIL_REQUIRE_E2E === "1") {
      throw new Error(`${reason}, and VIGIL_REQUIRE_E2E=1 requires the e2e tests to run. ` +
        "Install it: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH).");
    }
    console.warn(loudWarning(reason));
    return skipped(reason);
  }

  mkdirSync(logDir, { recursive: true });
  buildIfNeeded();

  const dataDir = mkdtempSync(path.join(os.tmpdir(), "vigil-e2e-"));
  // Embedded PGlite only: one process may open a data folder, so the seed finishes first.
  // Always the embedded database here, whatever DATABASE_URL the shell has; NODE_ENV replaces
  // vitest's "test".
  const inherited = Object.entries(process.env).filter(([key]) => key !== "DATABASE_URL");
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(inherited),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    VIGIL_DATA_DIR: dataDir,
  };
  let server: Server | undefined;
  try {
    seed(env);
    server = await startServer(env);
  } catch (error) {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  const context: E2eContext = { baseURL: server.baseURL, chromiumPath, skipReason: null };
  project.provide("vigilE2e", context);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function loudWarning(reason: string): string {
  const bar = "!".repeat(78);
  return [
    "", bar,
    `!!  E2E TESTS SKIPPED: ${reason}.`,
    "!!  The browser journeys (sign-in, security headers, screenshots) did NOT run.",
    "!!  Install Chromium from Debian and run again:",
    "!!      sudo apt-get update && sudo apt-get install -y chromium",
    "!!  or point CHROMIUM_PATH at a Chromium binary. CI sets VIGIL_REQUIRE_E2E=1,",
    "!!  which turns this warning into a failure.",
    bar, "",
  ].join("\n");
}

function newestInputMtime(): number {
  let newest = 0;
  const visit = (p: string) => {
    const stat = statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (!stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs);
      return;
    }
    for (const entry of readdirSync(p)) {
      // lib/db/generated is derived from schema.prisma, which is watched itself.
      if (entry !== "node_modules" && entry !== "generated") visit(path.join(p, entry));
    }
  };
  for (const input of BUILD_INPUTS) visit(path.join(root, input));
  return newest;
}

function buildIfNeeded(): void {
  const mode = (process.env.VIGIL_E2E_BUILD ?? "auto").toLowerCase();
  const buildId = path.join(root, ".next", "BUILD_ID");
  const hasBuild = existsSync(buildId);
  let reason: string | null;
  if (mode === "always" || mode === "1") reason = "VIGIL_E2E_BUILD=always";
  else if (mode === "never" || mode === "0") reason = hasBuild ? null : "no build in .next (VIGIL_E2E_BUILD=never)";
  else if (!hasBuild) reason = "no build in .next";
  else reason = newestInputMtime() > statSync(buildId).mtimeMs ? "sources changed since the last build" : null;
  if (!reason) return;
  if (mode === "never" || mode === "0") throw new Error(`e2e: ${reason}; run \`npx next build\` first`);

  console.log(`[e2e] next build (${reason})…`);
  const started = Date.now();
  const log = path.join(logDir, "e2e-build.log");
  const fd = openSync(log, "w");
  const result = spawnSync(bin("next"), ["build"], {
    cwd: root,
    stdio: ["ignore", fd, fd],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    throw new Error(`e2e: \`next build\` failed (exit ${result.status ?? result.signal}); end of ${rel(log)}:\n${tail(log, 60)}`);
  }
  console.log(`[e2e] built in ${seconds(started)} s`);
}

function seed(env: NodeJS.ProcessEnv): void {
  const script = path.join(root, "scripts", "db-seed.ts");
  if (!existsSync(script)) throw new Error("e2e: scripts/db-seed.ts is missing; it seeds the demo data the journeys use");
  const started = Date.now();
  const log = path.join(logDir, "e2e-seed.log");
  const fd = openSync(log, "w");
  const result = spawnSync(bin("tsx"), [script], { cwd: root, stdio: ["ignore", fd, fd], env, timeout: 180_000 });
  if (result.status !== 0) {
    throw new Error(`e2e: seeding failed (exit ${result.status ?? result.signal}); end of ${rel(log)}:\n${tail(log, 40)}`);
  }
  console.log(`[e2e] seeded ${env.VIGIL_DATA_DIR} in ${seconds(started)} s`);
}

interface Server {
  baseURL: string;
  stop(): Promise<void>;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const log = path.join(logDir, "e2e-server.log");
  const fd = openSync(log, "w");
  const started = Date.now();
  const child = spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    // Its own process group, so that stop() ends next and anything it started.
    detached: true,
    stdio: ["ignore", fd, fd],
    env: {
      ...env,
      PORT: String(port),
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: baseURL,
      VIGIL_SEED_DEMO: "0", // seeded above
    },
  });
  let exited: string | null = null;
  const exit = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = `exit ${code ?? signal}`;
      resolve();
    });
  });
  // Last resort if vitest dies without running the teardown.
  const killOnExit = () => killGroup(child, "SIGKILL");
  process.once("exit", killOnExit);

  const stop = async () => {
    process.off("exit", killOnExit);
    if (exited) return;
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 10_000);
    await exit;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 120_000;
  let lastAnswer = "no answer";
  for (;;) {
    if (exited) throw new Error(`e2e: next start stopped (${exited}) before serving; end of ${rel(log)}:\n${tail(log, 40)}`);
    try {
      const res = await fetch(`${baseURL}/login`, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
      if (res.status === 200) break;
      lastAnswer = `last answer: HTTP ${res.status}`;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`e2e: GET ${baseURL}/login did not answer 200 within 120 s (${lastAnswer}); end of ${rel(log)}:\n${tail(log, 40)}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  console.log(`[e2e] next start ready at ${baseURL} in ${seconds(started)} s (log: ${rel(log)})`);
  return { baseURL, stop };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

const rel = (file: string) => path.relative(root, file);
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
