import { getDbHandle } from "./client";
import { applyMigrations } from "./migrate";
import { DEMO_USERS, formatDemoLogins, isDatabaseEmpty, seedDemo } from "./seed";

/**
 * Start-up work for a server instance: apply pending migrations (the schema engine takes an
 * advisory lock, so several instances starting together apply each migration once) and, only
 * when asked, seed demo data into an empty database and print its logins.
 */
export async function prepareDatabase(options: { seedDemo: boolean }): Promise<void> {
  const handle = getDbHandle();
  const started = Date.now();
  const applied = await applyMigrations(handle.adapter);
  if (applied.length) console.log(`[vigil] applied ${applied.length} migration(s): ${applied.join(", ")}`);
  if (!options.seedDemo) return;
  if (await isDatabaseEmpty(handle.prisma)) {
    await seedDemo(handle.prisma);
    console.log(`[vigil] demo data seeded (${Date.now() - started} ms)`);
  }
  const demoUser = await handle.prisma.user.findUnique({ where: { email: DEMO_USERS[0]!.email }, select: { id: true } });
  if (demoUser) console.log(`\n[vigil] Demo logins (demo data only; never use these accounts for real work):\n${formatDemoLogins()}\n`);
}
