import type { Prisma } from "@/lib/db/generated/client";
import type { AlertKind } from "@/lib/db/generated/enums";
import { tlpsUpTo } from "@/lib/auth/tlp";
import { assembleSnapshot, tlpAllows, type SectionSource } from "@/lib/briefings/assemble";
import type { SectionDefinition } from "@/lib/briefings/schema";
import type { SeedContext } from "./context";
import { DAY_MS, uuidV7 } from "./random";

// One published briefing for the demo: the Electoral Commission case for the task force, at
// TLP:GREEN, assembled by the same code as a briefing published in the app (the AMBER case
// summary and AMBER events are left out and counted, as they would be there).

export const DEMO_BRIEFING_TITLE = "Electoral Commission breach: briefing for the task force";
const KINDS: readonly AlertKind[] = ["ADVISORY", "INCIDENT", "VETTING", "BALLOT"];
const londonDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

const INTRO = [
  "The **Electoral Commission breach** (Aug 2021 – Oct 2022) exposed reference copies of the electoral registers.",
  "",
  "- The party used those registers for donor permissibility checks.",
  "- Our own legacy Exchange server ran the same ProxyShell chain and has been isolated.",
  "",
  "This briefing covers what is cleared for the task force (TLP:GREEN).",
].join("\n");

async function alertsPerDay(ctx: SeedContext, from: string, to: string) {
  const { tx } = ctx;
  // A day's margin either side of the UTC dates; rows are bucketed by UK day below.
  const alerts = await tx.alert.findMany({
    where: { organisationId: ctx.orgs.party, createdAt: { gte: new Date(Date.parse(`${from}T00:00:00Z`) - DAY_MS), lte: ctx.now } },
    select: { kind: true, tlp: true, createdAt: true },
  });
  const rows = new Map<string, Record<string, string | number>>();
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += DAY_MS) {
    const day = new Date(d).toISOString().slice(0, 10);
    rows.set(day, { day, ...Object.fromEntries(KINDS.map((k) => [k, 0])) });
  }
  let omitted = 0;
  const allowed = new Set(tlpsUpTo("GREEN"));
  for (const a of alerts) {
    const row = rows.get(londonDay.format(a.createdAt));
    if (!row) continue;
    if (!allowed.has(a.tlp)) omitted += 1;
    else row[a.kind] = Number(row[a.kind]) + 1;
  }
  return { rows: [...rows.values()], omitted };
}

export async function seedBriefing(ctx: SeedContext): Promise<void> {
  const { tx } = ctx;
  const caseId = ctx.cases.electoralCommission;
  const [orgs, c, events, lead] = await Promise.all([
    tx.organisation.findMany({ where: { id: { in: [ctx.orgs.party, ctx.orgs.taskforce] } }, select: { id: true, name: true } }),
    tx.case.findUniqueOrThrow({
      where: { id: caseId },
      select: { title: true, summary: true, status: true, severity: true, tlp: true, createdAt: true, owner: { select: { name: true } } },
    }),
    tx.timelineEvent.findMany({
      where: { caseId },
      orderBy: [{ occurredAt: "asc" }, { recordedAt: "asc" }, { id: "asc" }],
      select: { id: true, occurredAt: true, precision: true, title: true, detail: true, source: true, confidence: true, tags: true, key: true, tlp: true },
    }),
    tx.user.findUniqueOrThrow({ where: { id: ctx.users.lead }, select: { id: true, name: true } }),
  ]);
  const orgName = (id: string) => orgs.find((o) => o.id === id)?.name ?? "";
  const to = londonDay.format(ctx.now);
  // Thirty calendar days ending today (date arithmetic on the day, so DST never shifts it).
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10);
  const chart = await alertsPerDay(ctx, from, to);

  const sourceCase = {
    title: c.title, summary: c.summary, status: c.status, severity: c.severity, tlp: c.tlp, owner: c.owner?.name ?? null,
    openedAt: c.createdAt, events,
  };
  const sections: { definition: SectionDefinition; source: SectionSource }[] = [
    { definition: { kind: "text", title: "Why this matters", markdown: INTRO }, source: { kind: "text" } },
    { definition: { kind: "case-summary", caseId }, source: { kind: "case-summary", case: sourceCase } },
    { definition: { kind: "case-timeline", caseId }, source: { kind: "case-timeline", case: sourceCase } },
    { definition: { kind: "chart", chart: "alerts-per-day", from, to }, source: { kind: "chart", ...chart } },
  ];
  const publishedAt = new Date(ctx.now.getTime() - 2 * DAY_MS);
  const { snapshot, omitted } = assembleSnapshot({
    title: DEMO_BRIEFING_TITLE, tlp: "GREEN", organisation: orgName(ctx.orgs.party), audience: orgName(ctx.orgs.taskforce),
    publishedAt, publishedBy: lead.name, version: 1, sections,
  });
  // Sanity: the assembler is the one place that enforces the TLP; nothing above GREEN got through.
  if (snapshot.sections.some((s) => s.kind === "case-timeline" && s.events.some((e) => !tlpAllows("GREEN", e.tlp)))) {
    throw new Error("Demo briefing carries content above TLP:GREEN");
  }

  const id = uuidV7(publishedAt.getTime() - DAY_MS, ctx.rng);
  await tx.briefing.create({
    data: {
      id, organisationId: ctx.orgs.party, title: DEMO_BRIEFING_TITLE, audienceOrganisationId: ctx.orgs.taskforce, tlp: "GREEN",
      status: "PUBLISHED", sections: sections.map((s) => s.definition) as Prisma.InputJsonValue, version: 2, createdById: lead.id,
      createdAt: new Date(publishedAt.getTime() - DAY_MS), updatedAt: publishedAt,
      versions: {
        create: {
          number: 1, title: DEMO_BRIEFING_TITLE, tlp: "GREEN", snapshot: snapshot as unknown as Prisma.InputJsonValue, omitted,
          publishedById: lead.id, publishedBy: lead.name, publishedAt,
        },
      },
    },
  });
}
