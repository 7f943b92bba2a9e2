// npm run db:seed — applies migrations, then loads the demo data set if it is not there yet.
// Demo data only: the printed passwords are public, so never run this against a real deployment.
import { dbConfigFromEnv, openDb } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { formatDemoLogins, seedDemo } from "../lib/db/seed/index";

const db = openDb(dbConfigFromEnv());
try {
  const started = performance.now();
  const applied = await applyMigrations(db.adapter);
  if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  const migrated = performance.now();
  const { created } = await seedDemo(db.prisma);
  const seeded = performance.now();
  console.log(
    created
      ? `Seeded the demo data in ${Math.round(seeded - migrated)} ms (migrations ${Math.round(migrated - started)} ms).`
      : "Demo data already present; nothing to do.",
  );
  console.log(`\nDemo sign-ins:\n${formatDemoLogins()}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.close();
}
