import { z } from "zod";
import { Confidence, TimePrecision, Tlp } from "@/lib/db/generated/enums";
import { alertIdListSchema } from "@/lib/alerts/schema";
import { parseEventDate } from "./dates";

// Input schemas for the case timeline: the add/edit form, a CSV row (same fields, as text),
// bulk adds from alerts, CSV import and the list filters.

export const EVENT_TITLE_MAX = 300;
export const EVENT_DETAIL_MAX = 5_000;
export const EVENT_SOURCE_MAX = 300;
export const EVENT_TAG_MAX = 40;
export const EVENT_TAGS_MAX = 12;
export const EVENT_ENTITIES_MAX = 20;
/** Import caps: rows (after the header) and bytes of CSV text. */
export const CSV_IMPORT_MAX_ROWS = 2_000;
export const CSV_IMPORT_MAX_BYTES = 1_000_000;

const uuid = z.uuid("Not a valid id");
const TAG_RE = /^[a-z0-9][a-z0-9-]*$/;

/** Text fields from forms and CSV cells: "" for absent. */
const optionalText = (max: number, what: string) =>
  z.string().trim().max(max, `Keep the ${what} under ${max.toLocaleString("en-GB")} characters`).optional().transform((v) => v ?? "");

/** "first-access; detection" or "first-access, detection" → ["first-access", "detection"]. */
export const tagsSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[;,]/).map((s) => s.trim().toLowerCase()).filter(Boolean) : (v ?? [])),
  z
    .array(
      z
        .string()
        .max(EVENT_TAG_MAX, `Keep each tag under ${EVENT_TAG_MAX} characters`)
        .regex(TAG_RE, "Tags use lower-case letters, digits and hyphens (e.g. first-access)"),
    )
    .max(EVENT_TAGS_MAX, `At most ${EVENT_TAGS_MAX} tags`)
    .transform((tags) => [...new Set(tags)]),
);

/** Empty means "work it out from the date". */
const precisionSchema = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim().toUpperCase()) : v),
  z.enum(TimePrecision, "Precision is YEAR, MONTH, DAY or MINUTE").optional(),
);

/** PHIA words or enum names: "almost certain", "ALMOST_CERTAIN"; empty for not assessed. */
const confidenceSchema = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim().toUpperCase().replace(/[\s-]+/g, "_")) : v),
  z.enum(Confidence, "Confidence is a PHIA term, e.g. LIKELY or ALMOST_CERTAIN").optional(),
);

const tlpSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toUpperCase().replace(/^TLP:/, "").replace("+", "_") : v),
  z.enum(Tlp, "TLP is CLEAR, GREEN, AMBER, AMBER_STRICT or RED"),
);

/** Checkbox ("on") or CSV ("true", "yes", "1", "" …). */
const keySchema = z.preprocess((v) => {
  if (v === undefined || v === null) return false;
  if (typeof v !== "string") return v;
  const s = v.trim().toLowerCase();
  if (["on", "true", "yes", "y", "1"].includes(s)) return true;
  if (["", "off", "false", "no", "n", "0"].includes(s)) return false;
  return v;
}, z.boolean("Key is true or false"));

/** The fields of an event as text, shared by the form and a CSV row. */
const eventFields = {
  occurredAt: z.string("Give the date").trim().min(1, "Give the date").max(40, "Not a date"),
  precision: precisionSchema,
  title: z.string("Give the event a title").trim().min(3, "Give the event a title (at least 3 characters)").max(EVENT_TITLE_MAX, `Keep the title under ${EVENT_TITLE_MAX} characters`),
  detail: optionalText(EVENT_DETAIL_MAX, "detail"),
  source: optionalText(EVENT_SOURCE_MAX, "source"),
  confidence: confidenceSchema,
  tags: tagsSchema,
  tlp: tlpSchema,
  key: keySchema,
};

export interface TimelineEventInput {
  occurredAt: Date;
  precision: TimePrecision;
  title: string;
  detail: string;
  source: string;
  confidence: Confidence | null;
  tags: string[];
  tlp: Tlp;
  key: boolean;
}

type EventFieldsOut = z.output<z.ZodObject<typeof eventFields>>;

/** Resolves occurredAt + precision to an instant; a bad date is an issue on "occurredAt". */
function resolveDate<T extends EventFieldsOut>(value: T, ctx: z.RefinementCtx): Omit<T, "occurredAt" | "precision" | "confidence"> & TimelineEventInput {
  const parsed = parseEventDate(value.occurredAt, value.precision);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", path: ["occurredAt"], message: parsed.message });
    return z.NEVER;
  }
  return { ...value, occurredAt: parsed.occurredAt, precision: parsed.precision, confidence: value.confidence ?? null };
}

/** One CSV row (keys are the CSV header names). */
export const timelineCsvRowSchema = z.strictObject(eventFields).transform(resolveDate);

const entityIdsSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : (v ?? [])),
  z.array(uuid).max(EVENT_ENTITIES_MAX, `Link at most ${EVENT_ENTITIES_MAX} entities`).transform((ids) => [...new Set(ids)]),
);

export const addTimelineEventSchema = z
  .strictObject({ caseId: uuid, entityIds: entityIdsSchema, ...eventFields })
  .transform(resolveDate);

const versionSchema = z.coerce.number("Missing version").int().min(1).max(2_147_483_647);

export const updateTimelineEventSchema = z
  .strictObject({ caseId: uuid, eventId: uuid, version: versionSchema, entityIds: entityIdsSchema, ...eventFields })
  .transform(resolveDate);

export const deleteTimelineEventSchema = z.strictObject({ caseId: uuid, eventId: uuid, version: versionSchema });

export const addEventsFromAlertsSchema = z.strictObject({ caseId: uuid, alertIds: alertIdListSchema });

export const importTimelineCsvSchema = z.strictObject({
  caseId: uuid,
  csv: z
    .string("Paste CSV text or choose a file")
    .refine((s) => s.trim().length > 0, "Paste CSV text or choose a file")
    .refine((s) => new TextEncoder().encode(s).length <= CSV_IMPORT_MAX_BYTES, `CSV over ${CSV_IMPORT_MAX_BYTES / 1_000_000} MB; split it`),
});

/** Timeline filters from the URL: a bad value is dropped (no filter), never an error page. */
export const timelineFilterSchema = z.object({
  entity: uuid.optional().catch(undefined),
  source: z.string().trim().min(1).max(EVENT_SOURCE_MAX).optional().catch(undefined),
  tag: z.string().trim().toLowerCase().regex(TAG_RE).max(EVENT_TAG_MAX).optional().catch(undefined),
  group: z.enum(["YEAR", "MONTH", "DAY"]).optional().catch(undefined),
});

export const exportFormatSchema = z.enum(["csv", "json"]).catch("csv");

export type AddTimelineEventInput = z.output<typeof addTimelineEventSchema>;
export type UpdateTimelineEventInput = z.output<typeof updateTimelineEventSchema>;
export type DeleteTimelineEventInput = z.output<typeof deleteTimelineEventSchema>;
export type AddEventsFromAlertsInput = z.output<typeof addEventsFromAlertsSchema>;
export type TimelineFilter = z.output<typeof timelineFilterSchema>;
export type TimelineCsvRow = z.output<typeof timelineCsvRowSchema>;
