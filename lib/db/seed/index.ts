import type { PrismaClient } from "@/lib/db/generated/client";
import { hashPassword } from "@/lib/auth/passwords";
import { seedAlerts } from "./alerts";
import { seedBriefing } from "./briefing";
import { seedCases, seedTimelines } from "./cases";
import type { SeedContext } from "./context";
import { DEMO_USERS, type DemoUserKey } from "./demo-users";
import { seedEntities } from "./entities";
import { createRandom } from "./random";

export { DEMO_USERS, formatDemoLogins, type DemoUser } from "./demo-users";

// The demo data set: two organisations, one user per role, two cases with timelines, ~75 alerts
// and one published briefing. The party organisation's slug is the marker: if it exists the demo
// has been seeded (the
// whole seed runs in one transaction, so it is all there or none of it is).

export const PARTY_SLUG = "party";
export const TASKFORCE_SLUG = "taskforce";
const SEED = 20_260_325;

/** True when the database holds no organisation at all (a fresh install). */
export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.organisation.count()) === 0;
}

/** Seeds the demo data set unless it is already there. Safe to run any number of times. */
export async function seedDemo(prisma: PrismaClient, opts: { now?: Date } = {}): Promise<{ created: boolean }> {
  if (await prisma.organisation.findUnique({ where: { slug: PARTY_SLUG }, select: { id: true } })) {
    return { created: false };
  }
  const now = opts.now ?? new Date();
  // Hash outside the transaction: argon2 is deliberately slow and would hold the transaction open.
  const hashes = new Map(await Promise.all(DEMO_USERS.map(async (u) => [u.key, await hashPassword(u.password)] as const)));

  try {
    await prisma.$transaction(
      async (tx) => {
        const createdAt = new Date(now.getTime() - 60 * 24 * 3600_000);
        const party = await tx.organisation.create({
          data: { slug: PARTY_SLUG, name: "Progressive Reform Party", kind: "PARTY", createdAt },
        });
        const taskforce = await tx.organisation.upsert({
          where: { slug: TASKFORCE_SLUG },
          create: { slug: TASKFORCE_SLUG, name: "Defending Democracy Taskforce", kind: "TASKFORCE", createdAt },
          update: {},
        });
        const orgs = { party: party.id, taskforce: taskforce.id };

        await tx.user.createMany({
          data: DEMO_USERS.map((u) => ({
            organisationId: orgs[u.org], email: u.email.toLowerCase(), name: u.name, role: u.role,
            clearance: u.clearance, passwordHash: hashes.get(u.key) ?? "", createdAt,
          })),
          skipDuplicates: true,
        });
        const stored = await tx.user.findMany({
          where: { email: { in: DEMO_USERS.map((u) => u.email.toLowerCase()) } },
          select: { id: true, email: true },
        });
        const users = Object.fromEntries(
          DEMO_USERS.map((u) => {
            const row = stored.find((s) => s.email === u.email.toLowerCase());
            if (!row) throw new Error(`Demo user ${u.email} was not stored`);
            return [u.key, row.id];
          }),
        ) as Record<DemoUserKey, string>;

        const ctx: SeedContext = {
          tx, now, rng: createRandom(SEED), orgs, users,
          entities: new Map(), cases: { electoralCommission: "", apt31Recon: "" }, alerts: new Map(),
        };
        await seedEntities(ctx);
        await seedCases(ctx);
        await seedAlerts(ctx);
        await seedTimelines(ctx);
        await seedBriefing(ctx);
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  } catch (error) {
    // Another process seeded at the same moment (PostgreSQL with several instances starting).
    if (isUniqueViolation(error) && (await prisma.organisation.count({ where: { slug: PARTY_SLUG } })) > 0) {
      return { created: false };
    }
    throw error;
  }
  return { created: true };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
