import { z } from "zod";
import { AlertKind, AlertStatus, Severity, Tlp } from "@/lib/db/generated/enums";
import { createdAtRange, inboxSearchParams, INBOX_PAGE_SIZE } from "./inbox-query";

const uuid = z.uuid("Not a valid id");

/** One value or several (repeated query parameters) of an enum. */
function enumList<T extends Record<string, string>>(values: T) {
  const one = z.enum(values);
  return z
    .union([one, z.array(one).max(Object.keys(values).length)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]));
}

/** Empty form fields ("Any") mean "no filter", not an invalid value. */
function dropEmpty(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const kept = Array.isArray(value) ? value.filter((v) => v !== "") : value;
    if (kept !== "" && !(Array.isArray(kept) && kept.length === 0)) out[key] = kept;
  }
  return out;
}

export const ALERT_SORTS = ["newest", "severity", "lastSeen"] as const;
export type AlertSort = (typeof ALERT_SORTS)[number];

/** A day ("2026-03-25", a whole UK day) or an instant with its zone ("2026-03-25T10:00:00Z"). */
const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })], "Use a date like 2026-03-25").optional();

/**
 * Inbox query, parsed from URL search parameters with plain names (kind=VETTING&severity=HIGH).
 * Unknown parameters are ignored (shared links). from/to bound createdAt, both inclusive; a bare
 * date means the whole day in UK time (see createdAtRange in lib/alerts/inbox-query.ts).
 */
export const alertListQuerySchema = z.preprocess(dropEmpty, z.object({
  kind: enumList(AlertKind),
  severity: enumList(Severity),
  status: enumList(AlertStatus),
  tlp: enumList(Tlp),
  source: z.string().trim().max(100).optional().transform((v) => v || undefined),
  assignee: z.union([z.literal("me"), z.literal("unassigned"), uuid]).optional(),
  entity: uuid.optional(),
  from: dateOrInstant,
  to: dateOrInstant,
  q: z.string().trim().max(200).optional().transform((v) => v || undefined),
  sort: z.enum(ALERT_SORTS).default("newest"),
  after: z.string().max(200).optional(),
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(INBOX_PAGE_SIZE),
}).superRefine((query, ctx) => {
  const { gte, lt } = createdAtRange(query);
  if (gte && lt && gte >= lt) ctx.addIssue({ code: "custom", path: ["to"], message: "The end date is before the start date" });
}));
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;

/**
 * Parses inbox URL parameters leniently: a parameter that is not valid (an old bookmark, a
 * hand-edited link) is dropped and reported, and the rest of the view still applies.
 */
export function parseAlertListQuery(raw: Record<string, unknown>): { query: AlertListQuery; ignored: string[] } {
  const params = { ...raw };
  const ignored: string[] = [];
  for (;;) {
    const result = alertListQuerySchema.safeParse(params);
    if (result.success) return { query: result.data, ignored };
    const bad = [...new Set(result.error.issues.map((issue) => String(issue.path[0] ?? "")))].filter((k) => k in params);
    if (bad.length === 0) return { query: alertListQuerySchema.parse({}), ignored: Object.keys(params) };
    for (const key of bad) {
      delete params[key];
      ignored.push(key);
    }
  }
}

/** Reads a URL query string ("kind=VETTING&severity=HIGH", with or without "?") into raw params. */
export function searchParamsToObject(search: string | URLSearchParams): Record<string, string | string[]> {
  const params = typeof search === "string" ? new URLSearchParams(search.replace(/^\?/, "")) : search;
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

/**
 * The canonical query string of an inbox view (filters and sort; never a page cursor), and the
 * parameters that were not valid and so were left out.
 */
export function normaliseInboxQueryString(search: string): { query: string; ignored: string[] } {
  const { query, ignored } = parseAlertListQuery(searchParamsToObject(search));
  return { query: inboxSearchParams(query).toString(), ignored };
}

/** An HTML checkbox: "on" when ticked, absent when not. */
const checkbox = z
  .union([z.boolean(), z.enum(["on", "true", "false"])])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const saveViewSchema = z.strictObject({
  name: z.string().trim().min(1, "Give the view a name").max(80, "Keep the name under 80 characters"),
  // Re-parsed and normalised by saveView; only the length is checked here.
  query: z.string().trim().max(2000, "This view has too many filters to save"),
  shared: checkbox,
});

export const deleteSavedViewSchema = z.strictObject({ id: uuid });

export type SaveViewInput = z.infer<typeof saveViewSchema>;
export type DeleteSavedViewInput = z.infer<typeof deleteSavedViewSchema>;

export const acknowledgeAlertSchema = z.strictObject({
  alertId: uuid,
  version: z.coerce.number().int().min(1),
});

export const assignAlertSchema = z.strictObject({
  alertId: uuid,
  version: z.coerce.number().int().min(1),
  // Empty string from a form means "unassign".
  assigneeId: z.union([uuid, z.literal("").transform(() => null)]),
});

/** Statuses a person can set directly; ESCALATED and MERGED come from promotion and merging. */
export const SETTABLE_STATUSES = ["NEW", "ACKNOWLEDGED", "TRIAGED", "DISMISSED"] as const;

export const changeAlertStatusSchema = z.strictObject({
  alertId: uuid,
  version: z.coerce.number().int().min(1),
  status: z.enum(SETTABLE_STATUSES, "Choose a status"),
  reason: z.string().trim().min(3, "Give a reason (at least 3 characters)").max(1000, "Keep the reason under 1,000 characters"),
});

export type AcknowledgeAlertInput = z.infer<typeof acknowledgeAlertSchema>;
export type AssignAlertInput = z.infer<typeof assignAlertSchema>;
export type ChangeAlertStatusInput = z.infer<typeof changeAlertStatusSchema>;

// ---- Bulk triage (inbox selection) ----

/** Most alerts one bulk action may touch: one transaction, one screenful of selections at most. */
export const MAX_BULK_ALERTS = 500;

/** Alert ids from a form (one comma-separated field) or from code (an array); deduplicated. */
export const alertIdListSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : v),
  z
    .array(uuid)
    .min(1, "Select at least one alert")
    .max(MAX_BULK_ALERTS, `Select at most ${MAX_BULK_ALERTS} alerts`)
    .transform((ids) => [...new Set(ids)]),
);

export const bulkAssignAlertsSchema = z.strictObject({
  alertIds: alertIdListSchema,
  // Empty string from a form means "unassign".
  assigneeId: z.union([uuid, z.literal("").transform(() => null), z.null()]),
});

export const bulkChangeAlertStatusSchema = z.strictObject({
  alertIds: alertIdListSchema,
  status: z.enum(SETTABLE_STATUSES, "Choose a status"),
  reason: z.string().trim().min(3, "Give a reason (at least 3 characters)").max(1000, "Keep the reason under 1,000 characters"),
});

export const mergeAlertsSchema = z
  .strictObject({
    primaryId: uuid,
    duplicateIds: alertIdListSchema,
  })
  .refine((v) => !v.duplicateIds.includes(v.primaryId), {
    message: "The primary alert cannot also be a duplicate",
    path: ["primaryId"],
  })
  .refine((v) => v.duplicateIds.length < MAX_BULK_ALERTS, {
    message: `Merge at most ${MAX_BULK_ALERTS} alerts at once`,
    path: ["duplicateIds"],
  });

export type BulkAssignAlertsInput = z.infer<typeof bulkAssignAlertsSchema>;
export type BulkChangeAlertStatusInput = z.infer<typeof bulkChangeAlertStatusSchema>;
export type MergeAlertsInput = z.infer<typeof mergeAlertsSchema>;
