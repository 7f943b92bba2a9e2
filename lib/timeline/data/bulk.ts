import "server-only";
import { getDb } from "@/lib/db/client";
import { alertVisibility } from "@/lib/alerts/data/visibility";
import { recordAudit } from "@/lib/audit/data";
import type { Viewer } from "@/lib/auth/permissions";
import { TLP_LABELS } from "@/lib/auth/tlp";
import { loadCaseAccess } from "@/lib/cases/data/visibility";
import { InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { parseTimelineCsv, type CsvRowError } from "../csv";
import { CSV_IMPORT_MAX_BYTES, CSV_IMPORT_MAX_ROWS, type AddEventsFromAlertsInput } from "../schema";
import { assertWritableTlp, markCaseChanged } from "./write";

// Many events at once: from the case's alerts, or from a CSV file.

export interface AddFromAlertsResult {
  added: number;
  /** Chosen alerts that already had an event on this timeline. */
  skipped: number;
}

/**
 * One event per chosen alert of this case that is not on the timeline yet: at the alert's first
 * sighting (to the minute), with its title, summary, source, TLP and entities. All or nothing; an
 * alert outside the case or invisible to the viewer is not found.
 */
export async function addEventsFromAlerts(viewer: Viewer, input: AddEventsFromAlertsInput): Promise<AddFromAlertsResult> {
  return getDb().$transaction(async (tx) => {
    const access = await loadCaseAccess(tx, viewer, input.caseId, "write");
    const alerts = await tx.alert.findMany({
      where: { AND: [{ id: { in: input.alertIds }, caseId: access.id }, alertVisibility(viewer)] },
      select: {
        id: true, title: true, summary: true, source: true, tlp: true, firstSeenAt: true,
        entities: { where: { entity: { organisationId: access.organisationId } }, select: { entityId: true } },
        timeline: { where: { caseId: access.id }, select: { id: true }, take: 1 },
      },
    });
    if (alerts.length !== input.alertIds.length) throw new NotFoundError("Alert");
    const fresh = alerts.filter((a) => a.timeline.length === 0);
    for (const a of fresh) assertWritableTlp(access, a.tlp);
    if (fresh.length) {
      const events = await tx.timelineEvent.createManyAndReturn({
        data: fresh.map((a) => ({
          organisationId: access.organisationId, caseId: access.id, occurredAt: a.firstSeenAt, precision: "MINUTE" as const,
          title: a.title.slice(0, 300), detail: a.summary, source: a.source, tags: ["alert"], tlp: a.tlp, alertId: a.id,
        })),
        select: { id: true, alertId: true, title: true },
      });
      const eventOf = new Map(events.map((e) => [e.alertId, e.id]));
      const links = fresh.flatMap((a) => a.entities.map((e) => ({ timelineEventId: eventOf.get(a.id)!, entityId: e.entityId })));
      if (links.length) await tx.timelineEventEntity.createMany({ data: links, skipDuplicates: true });
      await markCaseChanged(tx, access);
      await recordAudit(
        tx,
        viewer,
        events.map((e) => ({
          action: "timeline.add-from-alert", targetType: "TimelineEvent", targetId: e.id,
          summary: { caseId: access.id, alertId: e.alertId, title: e.title },
        })),
      );
    }
    return { added: fresh.length, skipped: alerts.length - fresh.length };
  });
}

export interface ImportResult {
  /** Events written: all the rows, or none when any row has an error. */
  imported: number;
  /** Data rows read. */
  total: number;
  errors: CsvRowError[];
}

/**
 * Imports events from CSV (see lib/timeline/csv.ts for the columns). All or nothing: when any row
 * is wrong nothing is written and every problem is reported by row and column, so the user fixes
 * the file and imports it again without creating duplicates of the rows that were fine.
 * At most CSV_IMPORT_MAX_ROWS rows and CSV_IMPORT_MAX_BYTES bytes.
 */
export async function importTimelineCsv(viewer: Viewer, caseId: string, text: string): Promise<ImportResult> {
  if (new TextEncoder().encode(text).length > CSV_IMPORT_MAX_BYTES) {
    throw new InvalidStateError(`The file is over ${CSV_IMPORT_MAX_BYTES / 1_000_000} MB; split it.`);
  }
  return getDb().$transaction(async (tx) => {
    const access = await loadCaseAccess(tx, viewer, caseId, "write");
    const parsed = parseTimelineCsv(text, CSV_IMPORT_MAX_ROWS);
    const errors = [...parsed.errors];
    for (const { row, event } of parsed.rows) {
      if (!access.visibleTlps.includes(event.tlp)) {
        errors.push({ row, column: "tlp", message: `${TLP_LABELS[event.tlp]} is above your clearance or need-to-know in this case` });
      }
    }
    if (errors.length || parsed.rows.length === 0) {
      if (!errors.length) errors.push({ row: 1, column: "", message: "No events in the file" });
      errors.sort((a, b) => a.row - b.row);
      return { imported: 0, total: parsed.total, errors };
    }
    const created = await tx.timelineEvent.createManyAndReturn({
      data: parsed.rows.map(({ event }) => ({ organisationId: access.organisationId, caseId: access.id, ...event })),
      select: { id: true, title: true },
    });
    await markCaseChanged(tx, access);
    await recordAudit(
      tx,
      viewer,
      created.map((e, i) => ({
        action: "timeline.import", targetType: "TimelineEvent", targetId: e.id,
        summary: { caseId: access.id, row: parsed.rows[i]!.row, title: e.title },
      })),
    );
    return { imported: created.length, total: parsed.total, errors: [] };
  });
}
