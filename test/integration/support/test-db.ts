import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { openDb, setDbHandleForTests, type DbHandle } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";

// Real databases for integration tests.
//
// Backend: embedded PGlite in memory by default. The vitest project `integration-pg` (defined
// only when TEST_DATABASE_URL is set) sets VIGIL_TEST_BACKEND=postgresql, and then every test
// file gets its own freshly created database on that server, dropped again on close.
// TEST_DATABASE_URL names a maintenance database on a throwaway cluster, e.g.
// postgresql://postgres@127.0.0.1:55433/postgres — the user must be allowed to CREATE DATABASE.
//
// Usage in a test file:
//   const db = useTestDb();              // beforeAll: create + migrate + make it getDb()'s handle
//   it("…", async () => { await someDataFunction(viewer, …); expect(await db().prisma.x.findMany()) … });

export type TestBackend = "pglite" | "postgresql";

export type TestDb = DbHandle & {
  backend: TestBackend;
  /** The database's URL when it lives on a PostgreSQL server. */
  url?: string;
};

export function testBackend(env: NodeJS.ProcessEnv = process.env): TestBackend {
  const chosen = env.VIGIL_TEST_BACKEND ?? (env.TEST_DATABASE_URL ? "postgresql" : "pglite");
  if (chosen !== "pglite" && chosen !== "postgresql") {
    throw new Error(`VIGIL_TEST_BACKEND must be "pglite" or "postgresql", not ${JSON.stringify(chosen)}`);
  }
  if (chosen === "postgresql" && !env.TEST_DATABASE_URL) {
    throw new Error("The postgresql test backend needs TEST_DATABASE_URL=postgresql://user@host:port/maintenance-db");
  }
  return chosen;
}

export interface CreateTestDbOptions {
  /** Apply prisma/migrations before returning (default true). */
  migrate?: boolean;
}

/** A fresh, empty (or freshly migrated) database. Close it when done. */
export async function createTestDb(options: CreateTestDbOptions = {}): Promise<TestDb> {
  const backend = testBackend();
  const db = backend === "postgresql" ? await createServerDb(process.env.TEST_DATABASE_URL!) : createMemoryDb();
  if (options.migrate ?? true) {
    try {
      await applyMigrations(db.adapter);
    } catch (error) {
      await db.close().catch(() => {});
      throw error;
    }
  }
  return db;
}

function createMemoryDb(): TestDb {
  return { ...openDb({ dataDir: "memory://" }), backend: "pglite" };
}

async function createServerDb(maintenanceUrl: string): Promise<TestDb> {
  const name = `vigil_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient(maintenanceUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  const handle = openDb({ url: url.toString() });
  return {
    ...handle,
    backend: "postgresql",
    url: url.toString(),
    async close() {
      try {
        await handle.close();
      } finally {
        // FORCE ends connections the adapter's pool or the schema engine may still hold.
        await withAdminClient(maintenanceUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      }
    },
  };
}

async function withAdminClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Registers beforeAll/afterAll hooks that give the test file one migrated database and make it
 * the process-wide handle behind getDb(), so data functions use it. Returns an accessor.
 */
export function useTestDb(options: CreateTestDbOptions = {}): () => TestDb {
  let db: TestDb | undefined;
  beforeAll(async () => {
    db = await createTestDb(options);
    setDbHandleForTests(db);
  });
  afterAll(async () => {
    setDbHandleForTests(undefined);
    await db?.close();
    db = undefined;
  });
  return () => {
    if (!db) throw new Error("useTestDb(): the database is only available inside tests and hooks");
    return db;
  };
}
