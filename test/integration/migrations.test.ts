import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, diffSchemaAgainstMigrations } from "@/lib/db/migrate";
import { createTestDb, testBackend, type TestDb } from "./support/test-db";

const root = process.cwd();

async function migrationFolders(): Promise<string[]> {
  const entries = await readdir(path.join(root, "prisma", "migrations"), { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** Table names the Prisma schema expects (model name, or its @@map). */
async function schemaTables(): Promise<string[]> {
  const schema = await readFile(path.join(root, "prisma", "schema.prisma"), "utf8");
  return [...schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)]
    .map(([, name, body]) => body?.match(/@@map\("([^"]+)"\)/)?.[1] ?? name!)
    .sort();
}

describe(`migrations (${testBackend()})`, () => {
  let db: TestDb;
  let firstRun: string[];

  beforeAll(async () => {
    db = await createTestDb({ migrate: false });
    firstRun = await applyMigrations(db.adapter);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("applies every folder in prisma/migrations to an empty database, in order", async () => {
    const folders = await migrationFolders();
    expect(folders.length).toBeGreaterThan(0);
    expect(firstRun).toEqual(folders);
  });

  it("creates a table for every model in schema.prisma", async () => {
    const rows = await db.prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
    const tables = rows.map((r) => r.table_name);
    const expected = await schemaTables();
    expect(expected).toEqual(expect.arrayContaining(["Organisation", "User", "UserSession", "LoginThrottle", "AuditEvent"]));
    expect(tables).toEqual(expect.arrayContaining([...expected, "_prisma_migrations"]));
  });

  it("records each migration as finished in _prisma_migrations", async () => {
    const rows = await db.prisma.$queryRaw<
      { migration_name: string; finished: boolean; rolled_back: boolean; applied_steps_count: number; checksum: string }[]
    >`
      SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back,
             applied_steps_count, checksum
      FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(await migrationFolders());
    for (const row of rows) {
      expect(row).toMatchObject({ finished: true, rolled_back: false, applied_steps_count: 1 });
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("is a no-op the second time", async () => {
    expect(await applyMigrations(db.adapter)).toEqual([]);
    const [{ count }] = await db.prisma.$queryRaw<[{ count: number }]>`
      SELECT count(*)::int AS count FROM _prisma_migrations`;
    expect(count).toBe((await migrationFolders()).length);
  });

  // The schema engine replays history on a shadow database, which only the PGlite adapter
  // provides safely (an in-memory instance); PrismaPg's shadow would be the live database.
  it.skipIf(testBackend() === "postgresql")("has no drift: schema.prisma matches the committed migrations", async () => {
    const sql = await diffSchemaAgainstMigrations(db.adapter);
    const statements = sql.split("\n").filter((line) => line.trim() && !line.trim().startsWith("--"));
    expect(statements, `schema.prisma has changes without a migration (npm run db:migration):\n${sql}`).toEqual([]);
  });
});

describe(`a failing migration (${testBackend()})`, () => {
  it("is reported and not recorded as applied, so the next start retries it", async () => {
    const { cp, mkdtemp, mkdir, rm, writeFile } = await import("node:fs/promises");
    const os = await import("node:os");
    const dir = await mkdtemp(path.join(os.tmpdir(), "vigil-migrations-"));
    const db = await createTestDb({ migrate: false });
    try {
      await cp(path.join(process.cwd(), "prisma", "migrations"), dir, { recursive: true });
      await mkdir(path.join(dir, "99999999999999_broken"));
      await writeFile(path.join(dir, "99999999999999_broken", "migration.sql"), "CREATE TABLE broken_half (id int);\nSELECT no_such_function();\n");
      await expect(applyMigrations(db.adapter, dir)).rejects.toThrow();
      const finished = await db.prisma.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND migration_name LIKE '%broken'`;
      expect(finished).toEqual([]);
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
