// npm start — the demo launcher: build if the build is missing or older than the sources, then
// serve with `next start`. The server applies migrations and, because this launcher sets
// VIGIL_SEED_DEMO=1, seeds demo data into an empty database and prints the demo logins.
// Installs nothing from the network.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const port = process.env.PORT || "3000";
const started = Date.now();

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (p: string) => {
    const stat = statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== "generated" && entry !== "node_modules") visit(path.join(p, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "prisma/schema.prisma", "package-lock.json"]) {
    visit(path.join(root, p));
  }
  return newest;
}

function needsBuild(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  return newestSourceMtime() > statSync(buildId).mtimeMs;
}

if (needsBuild()) {
  console.log("[vigil] Building the app (first start or sources changed; under a minute)…");
  const build = spawnSync(process.execPath, [nodeModule("next/dist/bin/next"), "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

function nodeModule(specifier: string): string {
  return path.join(root, "node_modules", specifier);
}

// Secrets come from the environment. For the zero-set-up demo only, generate one and keep it
// beside the embedded database so that sessions survive a restart.
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", VIGIL_SEED_DEMO: process.env.VIGIL_SEED_DEMO ?? "1" };
if (!env.NEXTAUTH_SECRET) {
  const dataDir = env.VIGIL_DATA_DIR || path.join(root, "data");
  const file = path.join(dataDir, ".auth-secret");
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
  console.log(`[vigil] NEXTAUTH_SECRET not set: using a generated demo secret from ${path.relative(root, file)}. Set NEXTAUTH_SECRET in production.`);
}
env.NEXTAUTH_URL ??= `http://localhost:${port}`;

const server = spawn(process.execPath, [nodeModule("next/dist/bin/next"), "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

// Tell the user when the first page is actually served (includes migrations and seeding).
void (async () => {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/login`);
      if (res.ok) {
        console.log(`\n[vigil] Ready in ${((Date.now() - started) / 1000).toFixed(1)} s: open http://localhost:${port}\n`);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
})();
