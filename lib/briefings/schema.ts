import { z } from "zod";
import { Tlp } from "@/lib/db/generated/enums";

// Briefing drafts: a title, an audience, a TLP and a list of section DEFINITIONS (what to pull
// in), never the content itself; the content is assembled from them (lib/briefings/assemble.ts)
// for the preview and frozen at publish.

export const BRIEFING_TITLE_MAX = 200;
export const SECTION_TITLE_MAX = 200;
export const TEXT_SECTION_MAX = 20_000;
export const MAX_SECTIONS = 30;
export const MAX_ALERT_LIST = 50;

const uuid = z.uuid("Not a valid id");
const day = z.iso.date("Use a date like 2026-03-25");
/** An optional heading of the author's own; a sensible one is derived when absent. */
const sectionTitle = z.string().trim().max(SECTION_TITLE_MAX, `Keep headings under ${SECTION_TITLE_MAX} characters`).optional();

function rangeInOrder(value: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (value.from && value.to && value.from > value.to) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "The end date is before the start date" });
  }
}

export const textSectionSchema = z.strictObject({
  kind: z.literal("text"),
  title: z.string().trim().min(1, "Give the section a heading").max(SECTION_TITLE_MAX, `Keep headings under ${SECTION_TITLE_MAX} characters`),
  markdown: z.string().max(TEXT_SECTION_MAX, `Keep text sections under ${TEXT_SECTION_MAX.toLocaleString("en-GB")} characters`),
});

export const caseSummarySectionSchema = z.strictObject({
  kind: z.literal("case-summary"),
  title: sectionTitle,
  caseId: uuid,
});

export const caseTimelineSectionSchema = z
  .strictObject({
    kind: z.literal("case-timeline"),
    title: sectionTitle,
    caseId: uuid,
    from: day.optional(),
    to: day.optional(),
  })
  .superRefine(rangeInOrder);

export const CHART_KINDS = ["alerts-per-day", "open-by-severity"] as const;
/** A frozen chart covers at most a year (a bar per day). */
export const MAX_CHART_DAYS = 366;

export const chartSectionSchema = z
  .strictObject({
    kind: z.literal("chart"),
    title: sectionTitle,
    chart: z.enum(CHART_KINDS),
    from: day,
    to: day,
  })
  .superRefine((value, ctx) => {
    rangeInOrder(value, ctx);
    if (Date.parse(value.to) - Date.parse(value.from) >= MAX_CHART_DAYS * 86_400_000) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `A chart covers at most ${MAX_CHART_DAYS} days` });
    }
  });

export const alertListSectionSchema = z.strictObject({
  kind: z.literal("alert-list"),
  title: sectionTitle,
  savedViewId: uuid,
  limit: z.coerce.number().int().min(1).max(MAX_ALERT_LIST, `At most ${MAX_ALERT_LIST} alerts`).default(10),
});

export const sectionDefinitionSchema = z.discriminatedUnion("kind", [
  textSectionSchema,
  caseSummarySectionSchema,
  caseTimelineSectionSchema,
  chartSectionSchema,
  alertListSectionSchema,
]);
export type SectionDefinition = z.infer<typeof sectionDefinitionSchema>;
export type SectionKind = SectionDefinition["kind"];

export const sectionListSchema = z.array(sectionDefinitionSchema).max(MAX_SECTIONS, `A briefing has at most ${MAX_SECTIONS} sections`);

/** Empty select ("No audience") means none. */
const audience = z.preprocess((v) => (v === "" ? null : v), uuid.nullable());

export const createBriefingSchema = z.strictObject({
  title: z.string().trim().min(1, "Give the briefing a title").max(BRIEFING_TITLE_MAX, `Keep the title under ${BRIEFING_TITLE_MAX} characters`),
  audienceOrganisationId: audience.default(null),
  tlp: z.enum(Tlp).default("AMBER"),
  sections: sectionListSchema.default([]),
});
export type CreateBriefingInput = z.infer<typeof createBriefingSchema>;

export const updateBriefingSchema = createBriefingSchema.extend({
  id: uuid,
  version: z.coerce.number().int().min(1),
});
export type UpdateBriefingInput = z.infer<typeof updateBriefingSchema>;

export const briefingIdSchema = z.strictObject({ id: uuid });

export const publishBriefingSchema = z.strictObject({ id: uuid, version: z.coerce.number().int().min(1) });

export const compareVersionsSchema = z.strictObject({
  a: z.coerce.number().int().min(1),
  b: z.coerce.number().int().min(1),
});

/** The section list as a server action receives it from the builder: JSON in one form field. */
export const sectionsJsonSchema = z.string().max(700_000, "This briefing is too large").transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "The sections could not be read" });
    return z.NEVER;
  }
});

/** Parses sections stored on a draft; a row edited outside the app never crashes the builder. */
export function parseStoredSections(raw: unknown): SectionDefinition[] {
  const result = sectionListSchema.safeParse(raw);
  return result.success ? result.data : [];
}
