import { z } from "zod";
import { AlertKind, AlertStatus, Severity, Tlp } from "@/lib/db/generated/enums";

const uuid = z.uuid("Not a valid id");

/** One value or several (repeated query parameters) of an enum. */
function enumList<T extends Record<string, string>>(values: T) {
  const one = z.enum(values);
  return z
    .union([one, z.array(one).max(Object.keys(values).length)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]));
}

export const INBOX_PAGE_SIZE = 50;

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

/** Inbox query, parsed from URL search parameters. Unknown parameters are ignored (shared links). */
export const alertListQuerySchema = z.preprocess(dropEmpty, z.object({
  kind: enumList(AlertKind),
  severity: enumList(Severity),
  status: enumList(AlertStatus),
  tlp: enumList(Tlp),
  assignee: z.union([z.literal("me"), z.literal("unassigned"), uuid]).optional(),
  q: z.string().trim().max(200).optional().transform((v) => v || undefined),
  after: z.string().max(200).optional(),
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(INBOX_PAGE_SIZE),
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
