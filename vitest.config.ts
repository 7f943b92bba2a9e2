import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import type { TestProjectInlineConfiguration } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// Integration tests open real databases. PGlite holds a whole PostgreSQL in memory per test file,
// so files run one at a time, each in its own child process that exits (and frees it) at the end.
const integration = (name: string, backend: "pglite" | "postgresql"): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name,
    include: ["test/integration/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Read by test/integration/support/test-db.ts to choose the backend.
    env: { VIGIL_TEST_BACKEND: backend },
  },
});

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      // The real package throws outside Next's react-server condition; see test/support/empty.ts.
      { find: /^server-only$/, replacement: `${root}test/support/empty.ts` },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      integration("integration", "pglite"),
      // The same suite against a PostgreSQL server, only when one is provided (CI does):
      // TEST_DATABASE_URL=postgresql://user@host:port/maintenance-db
      ...(process.env.TEST_DATABASE_URL ? [integration("integration-pg", "postgresql")] : []),
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          pool: "forks",
          fileParallelism: false,
          sequence: { concurrent: false },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Builds if needed, seeds a temporary embedded database, starts `next start`.
          globalSetup: ["test/e2e/support/global-setup.ts"],
        },
      },
    ],
  },
});
