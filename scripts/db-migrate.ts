// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database.
import { dbConfigFromEnv, openDb } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";

const db = openDb(dbConfigFromEnv());
try {
  const applied = await applyMigrations(db.adapter);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await db.close();
}
