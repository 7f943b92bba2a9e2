import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import { PgListeners } from "./pg-listener";

export type Db = PrismaClient;

export interface DbHandle {
  prisma: PrismaClient;
  /** The driver adapter factory, reused by the schema engine for migrations. */
  adapter: SqlMigrationAwareDriverAdapterFactory;
  kind: "postgresql" | "pglite";
  /**
   * LISTENs on a channel; resolves once listening, so a NOTIFY committed afterwards arrives.
   * Returns the unsubscribe. Payloads arrive only for committed transactions. PostgreSQL: one
   * dedicated connection per channel and process, shared by every subscriber (lib/db/pg-listener.ts).
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DbConfig {
  /** postgresql://… for a server; absent for the embedded database. */
  url?: string;
  /** Folder of the embedded database; "memory://" keeps it in memory. */
  dataDir?: string;
}

export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  return { url: env.DATABASE_URL || undefined, dataDir: env.VIGIL_DATA_DIR || undefined };
}

/** Opens a database. Most code wants getDb(); tests and scripts open their own handles. */
export function openDb(config: DbConfig): DbHandle {
  if (config.url) {
    if (!/^postgres(ql)?:\/\//.test(config.url)) {
      throw new Error("DATABASE_URL must start with postgresql:// (the only supported dialect)");
    }
    const adapter = new PrismaPg({
      connectionString: config.url,
      max: Number(process.env.DB_POOL_MAX ?? 10),
      // JIT compilation costs ~40 ms per aggregate query (measured on the dashboard at 10⁶ alerts)
      // and never pays off for queries this short.
      options: "-c jit=off",
    });
    const prisma = new PrismaClient({ adapter });
    const listeners = new PgListeners({ connectionString: config.url });
    return {
      prisma,
      adapter,
      kind: "postgresql",
      listen: (channel, onPayload) => listeners.listen(channel, onPayload),
      async close() {
        await listeners.close();
        await prisma.$disconnect();
      },
    };
  }
  const dir = config.dataDir ?? path.join(process.cwd(), "data");
  const pglite = new PGlite(dir === "memory://" ? undefined : dir);
  const adapter = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    adapter,
    kind: "pglite",
    // In-process: PGlite delivers notifications of its own (single) connection to listeners.
    async listen(channel, onPayload) {
      // A fresh function per call (PGlite keeps a set of them), and no throw may escape: PGlite
      // calls listeners from a microtask, where an exception would end the process.
      const unlisten = await pglite.listen(channel, (payload) => {
        try {
          onPayload(payload);
        } catch (error) {
          console.error(`[vigil] listener on ${channel} threw`, error);
        }
      });
      return async () => {
        if (!pglite.closed) await unlisten();
      };
    },
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

// One handle per process. Kept on globalThis so that `next dev` module reloads reuse it.
const holder = globalThis as unknown as { __vigilDb?: DbHandle; __vigilDbExitHook?: boolean };

export function getDbHandle(): DbHandle {
  if (!holder.__vigilDb) {
    holder.__vigilDb = openDb(dbConfigFromEnv());
    if (!holder.__vigilDbExitHook) {
      holder.__vigilDbExitHook = true;
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => {
          void closeDb().finally(() => process.exit(0));
        });
      }
    }
  }
  return holder.__vigilDb;
}

export function getDb(): PrismaClient {
  return getDbHandle().prisma;
}

export async function closeDb(): Promise<void> {
  const handle = holder.__vigilDb;
  holder.__vigilDb = undefined;
  if (handle) await handle.close();
}

/** Lets integration tests point the process-wide handle at their own database. */
export function setDbHandleForTests(handle: DbHandle | undefined): void {
  holder.__vigilDb = handle;
}
