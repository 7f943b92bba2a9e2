import { z } from "zod";
import { AlertKind, EntityKind, Severity, Tlp } from "@/lib/db/generated/enums";
import { formatFieldPath, zodFieldErrors, type FieldError } from "@/lib/http/field-errors";

// The body of POST /api/v1/alerts: one alert object, or { "alerts": [ … ] } with 1–1000 of them.
// A batch is validated item by item, so one bad item does not sink the others.

export const MAX_INGEST_BATCH = 1000;
export const MAX_ENTITIES_PER_ALERT = 20;
/** Clocks drift: a timestamp a little in the future is tolerated, more is a sender's bug. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

const timestamp = z
  .iso.datetime({ offset: true, message: "Use an ISO 8601 date-time with a time zone, e.g. 2026-11-21T09:30:00Z" })
  .transform((value) => new Date(value))
  .refine((date) => date.getTime() <= Date.now() + FUTURE_TOLERANCE_MS, "Must not be in the future")
  .nullish()
  .transform((date) => date ?? undefined);

export const ingestEntitySchema = z.strictObject({
  kind: z.enum(EntityKind, `One of ${Object.keys(EntityKind).join(", ")}`),
  name: z.string().trim().min(1, "Required").max(200, "At most 200 characters"),
});

export const ingestAlertSchema = z
  .strictObject({
    kind: z.enum(AlertKind, `One of ${Object.keys(AlertKind).join(", ")}`),
    title: z.string().trim().min(1, "Required").max(300, "At most 300 characters"),
    summary: z.string().max(10_000, "At most 10,000 characters").default(""),
    severity: z.enum(Severity, `One of ${Object.keys(Severity).join(", ")}`),
    tlp: z.enum(Tlp, `One of ${Object.keys(Tlp).join(", ")}`).default("AMBER"),
    source: z
      .string()
      .min(1, "Required")
      .max(100, "At most 100 characters")
      .regex(/^[a-z0-9._-]+$/, "Lower-case letters, digits, dot, underscore and hyphen only"),
    // The source's own id for the alert: the best deduplication key when a source has one.
    sourceRef: z
      .string()
      .min(1, "Must not be empty")
      .max(200, "At most 200 characters")
      .nullish()
      .transform((v) => v ?? undefined),
    /** When this sighting happened (default: now). Becomes lastSeenAt. */
    occurredAt: timestamp,
    /** When the source first saw it (default: occurredAt). */
    firstSeenAt: timestamp,
    entities: z.array(ingestEntitySchema).max(MAX_ENTITIES_PER_ALERT, `At most ${MAX_ENTITIES_PER_ALERT} entities`).default([]),
  })
  .refine((a) => !a.firstSeenAt || !a.occurredAt || a.firstSeenAt <= a.occurredAt, {
    message: "Must not be after occurredAt",
    path: ["firstSeenAt"],
  });
export type IngestAlert = z.infer<typeof ingestAlertSchema>;

const batchEnvelopeSchema = z.strictObject({
  alerts: z
    .array(z.unknown(), "Must be an array of alerts")
    .min(1, "Send at least one alert")
    .max(MAX_INGEST_BATCH, `At most ${MAX_INGEST_BATCH} alerts per request`),
});

/** One item of the body: parsed, or refused with field errors (paths relative to the body). */
export type ParsedIngestItem =
  | { ok: true; alert: IngestAlert; path: string }
  | { ok: false; errors: FieldError[]; path: string };

export type ParsedIngestBody =
  | { ok: true; batch: boolean; items: ParsedIngestItem[] }
  /** The request as a whole is unusable (not an object, bad envelope). */
  | { ok: false; errors: FieldError[] };

function parseItem(value: unknown, path: string): ParsedIngestItem {
  const result = ingestAlertSchema.safeParse(value);
  return result.success ? { ok: true, alert: result.data, path } : { ok: false, errors: zodFieldErrors(result.error, path), path };
}

export function parseIngestBody(value: unknown): ParsedIngestBody {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, errors: [{ path: "", message: 'Send one alert object, or { "alerts": [ … ] }' }] };
  }
  if (!("alerts" in value)) return { ok: true, batch: false, items: [parseItem(value, "")] };
  const envelope = batchEnvelopeSchema.safeParse(value);
  if (!envelope.success) return { ok: false, errors: zodFieldErrors(envelope.error) };
  return {
    ok: true,
    batch: true,
    items: envelope.data.alerts.map((item, index) => parseItem(item, formatFieldPath(["alerts", index]))),
  };
}
