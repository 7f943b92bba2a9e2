import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import { assertCan, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/data";
import { CSV_BOM, toCsvRow } from "@/lib/csv";
import type { AlertListQuery } from "../schema";
import { listAlerts, type AlertRow } from "./list";

// CSV export of an inbox view: every alert the view matches (not just the page on screen), read
// page by page through listAlerts, so the same filters and the same visibility apply and memory
// stays flat however large the export.

/** Rows per database page; listAlerts' largest page. */
const EXPORT_PAGE_SIZE = 200;

export const ALERT_CSV_HEADER = [
  "id", "created", "kind", "severity", "status", "tlp", "title", "source", "assignee", "occurrences", "lastSeen",
] as const;

function csvRecord(row: AlertRow): string {
  return toCsvRow([
    row.id, row.createdAt, row.kind, row.severity, row.status, row.tlp, row.title, row.source,
    row.assignee?.name ?? "", row.occurrences, row.lastSeenAt,
  ]);
}

/** The view's filters and sort, without paging: what the audit trail records. */
export function exportFilter(query: AlertListQuery): Prisma.InputJsonObject {
  const paging = new Set(["after", "before", "limit"]);
  return Object.fromEntries(
    Object.entries(query).filter(([key, value]) => !paging.has(key) && value !== undefined),
  ) as Prisma.InputJsonObject;
}

/**
 * Records that the viewer exported a view. Written before the first row is sent: an export that
 * the client abandons half way has still left the building.
 */
export async function recordAlertExport(viewer: Viewer, query: AlertListQuery): Promise<void> {
  assertCan(viewer, "alert:read");
  await getDb().$transaction(async (tx) => {
    await recordAudit(tx, viewer, {
      action: "alert.export",
      targetType: "AlertView",
      targetId: "inbox",
      summary: { format: "csv", filter: exportFilter(query) },
    });
  });
}

export interface AlertCsvStreamOptions {
  /** Prefix a UTF-8 byte order mark so Excel reads the file as UTF-8 (default true). */
  bom?: boolean;
  pageSize?: number;
}

/**
 * The view as CSV (header first), pulled one database page at a time as the client reads: a
 * slow or abandoned download never makes the server read ahead.
 */
export function createAlertCsvStream(viewer: Viewer, query: AlertListQuery, options: AlertCsvStreamOptions = {}): ReadableStream<Uint8Array> {
  assertCan(viewer, "alert:read");
  const encoder = new TextEncoder();
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  let cursor: string | undefined;
  let started = false;
  let done = false;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(`${options.bom === false ? "" : CSV_BOM}${toCsvRow([...ALERT_CSV_HEADER])}`));
          return;
        }
        if (done) return;
        // From the top of the view whatever page was on screen; only our cursor moves.
        const page = await listAlerts(viewer, { ...query, before: undefined, after: cursor, limit: pageSize });
        if (page.rows.length > 0) controller.enqueue(encoder.encode(page.rows.map(csvRecord).join("")));
        cursor = page.nextCursor ?? undefined;
        if (!cursor || page.rows.length === 0) {
          done = true;
          controller.close();
        }
      },
    },
    // One page in hand at a time.
    { highWaterMark: 1 },
  );
}
