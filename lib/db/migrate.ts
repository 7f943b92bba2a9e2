import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

// Prisma's schema engine compiled to WebAssembly, driven through our driver adapter: migrations
// work offline, without the native engine download, and write the same _prisma_migrations
// table that `prisma migrate deploy` does.

export const projectRoot = process.cwd();
export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");

type EngineModule = typeof import("@prisma/schema-engine-wasm");
let engineModule: Promise<EngineModule> | undefined;

function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    // Loaded from node_modules at run time, not bundled: the package is ESM with a .wasm beside it.
    const engineDir = path.join(projectRoot, "node_modules", "@prisma", "schema-engine-wasm");
    const bgPath = path.join(engineDir, "schema_engine_bg.js");
    const bg = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ bgPath)) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = await readFile(/* turbopackIgnore: true */ path.join(engineDir, "schema_engine_bg.wasm"));
    const wasmModule = await WebAssembly.compile(bytes);
    // The engine's timers (pool timeouts of ~10 s) must not keep a finished process alive.
    const imports: Record<string, unknown> = { ...bg };
    for (const [name, fn] of Object.entries(bg)) {
      if (name.startsWith("__wbg_setTimeout_") && typeof fn === "function") {
        imports[name] = (...args: unknown[]) => {
          const timer = (fn as (...a: unknown[]) => unknown)(...args);
          (timer as { unref?: () => void })?.unref?.();
          return timer;
        };
      }
    }
    const instance = await WebAssembly.instantiate(wasmModule, { "./schema_engine_bg.js": imports as WebAssembly.ModuleImports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return engineModule;
}

export async function readMigrations(dir = migrationsDir): Promise<MigrationList> {
  const entries = await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = await Promise.all(
    folders.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      const content = await readFile(/* turbopackIgnore: true */ file, "utf8").then(
        (text) => ({ tag: "ok" as const, value: text }),
        (err: Error) => ({ tag: "error" as const, value: err.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  return {
    baseDir: dir,
    // The engine refuses to diff unless the lockfile names the provider.
    lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"' },
    shadowDbInitScript: "",
    migrationDirectories,
  } as MigrationList;
}

async function withEngine<T>(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const datamodel = await readFile(schemaPath, "utf8");
  const log = (message: string) => {
    if (process.env.VIGIL_DEBUG_MIGRATIONS) console.error("[schema-engine]", message);
  };
  // The engine opens its own connections through the factory and does not close them when
  // freed; on PostgreSQL an open one would keep holding the migration advisory lock.
  const opened: SqlDriverAdapter[] = [];
  const track = (connection: SqlDriverAdapter) => {
    opened.push(connection);
    return withWholeScripts(connection);
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    connect: async () => track(await adapter.connect()),
    connectToShadowDb: async () => track(await adapter.connectToShadowDb()),
  };
  const engine = await SchemaEngine.new(
    { datamodels: [["schema.prisma", datamodel]] },
    log,
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((connection) => connection.dispose()));
  }
}

/**
 * Migration scripts must reach the database whole and be awaited. @prisma/adapter-pg splits scripts on ";",
 * which breaks function bodies ($$ … ; … $$) such as the search-vector triggers; sent as one
 * simple-protocol query, PostgreSQL also runs the script as one implicit transaction.
 */
function withWholeScripts(connection: SqlDriverAdapter): SqlDriverAdapter {
  const driver = (connection as { underlyingDriver?: () => unknown }).underlyingDriver?.();
  if (driver instanceof pg.Pool) {
    connection.executeScript = async (script: string) => {
      await driver.query(script);
    };
  }
  // pglite-prisma-adapter starts exec() without awaiting it, so a failing script would be
  // recorded as applied; await it here so the engine sees the error.
  const client = (connection as { client?: unknown }).client;
  if (client instanceof PGlite) {
    connection.executeScript = async (script: string) => {
      await client.exec(script);
    };
  }
  return connection;
}

const filters = { externalTables: [], externalEnums: [] };

/** Applies every pending migration; returns the names it applied (empty when up to date). */
export async function applyMigrations(adapter: SqlMigrationAwareDriverAdapterFactory, dir = migrationsDir): Promise<string[]> {
  const migrationsList = await readMigrations(dir);
  return withEngine(adapter, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters });
    return out.appliedMigrationNames;
  });
}

/**
 * The SQL that takes the committed migrations to the current schema.prisma. The adapter must be
 * a PGlite one: the engine replays history on the adapter's shadow database, which for PGlite is
 * a fresh in-memory instance (for PrismaPg it would be the live database itself).
 */
export async function diffSchemaAgainstMigrations(adapter: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  const migrationsList = await readMigrations();
  const datamodel = await readFile(schemaPath, "utf8");
  return withEngine(adapter, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: datamodel }] },
      script: true,
      exitCode: null,
      filters,
    } as Parameters<SchemaEngine["diff"]>[0]);
    return result.stdout ?? "";
  });
}
