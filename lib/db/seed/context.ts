import type { Prisma } from "@/lib/db/generated/client";
import type { DemoUserKey } from "./demo-users";
import type { Random } from "./random";

// What the seed steps hand to each other: ids created so far, the clock and the one generator.

export type OrgKey = "party" | "taskforce";
export type CaseKey = "electoralCommission" | "apt31Recon";

export interface SeedContext {
  tx: Prisma.TransactionClient;
  now: Date;
  rng: Random;
  orgs: Record<OrgKey, string>;
  users: Record<DemoUserKey, string>;
  /** Entity ids by `${org}:${key}`. */
  entities: Map<string, string>;
  cases: Record<CaseKey, string>;
  /** Alerts by their spec key, for timeline links. */
  alerts: Map<string, { id: string; firstSeenAt: Date }>;
}

export function entityId(ctx: Pick<SeedContext, "entities">, org: OrgKey, key: string): string {
  const id = ctx.entities.get(`${org}:${key}`);
  if (!id) throw new Error(`Seed entity ${org}:${key} is not defined`);
  return id;
}
