import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

// A throwaway PostgreSQL cluster for the benchmark when BENCH_DATABASE_URL is not given.
// Same recipe as .ci/run: initdb/pg_ctl as the postgres user, loopback only.

export interface Cluster {
  url: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function asPostgres(args: string[]): void {
  const root = process.getuid?.() === 0;
  const result = root ? spawnSync("runuser", ["-u", "postgres", "--", ...args], { stdio: "pipe" }) : spawnSync(args[0]!, args.slice(1), { stdio: "pipe" });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr?.toString()}`);
}

export async function startCluster(): Promise<Cluster> {
  const versions = readdirSync("/usr/lib/postgresql").sort();
  const bin = path.join("/usr/lib/postgresql", versions[versions.length - 1]!, "bin");
  const dir = mkdtempSync(path.join(os.tmpdir(), "vigil-bench-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  asPostgres([path.join(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const port = await freePort();
  // Benchmark settings close to a small production server; durability off only to load fast.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c work_mem=32MB -c maintenance_work_mem=512MB -c fsync=off -c synchronous_commit=off -c max_wal_size=4GB`;
  asPostgres([path.join(bin, "pg_ctl"), "-D", data, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "-o", options, "start"]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        asPostgres([path.join(bin, "pg_ctl"), "-D", data, "stop", "-m", "fast"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
