import "server-only";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/data";
import type { Viewer } from "@/lib/auth/permissions";
import { loadCaseAccess } from "@/lib/cases/data/visibility";
import { CSV_BOM } from "@/lib/csv";
import { timelineToCsv, timelineToJson, type ExportableEvent } from "../csv";
import type { TimelineFilter } from "../schema";
import { applyFilter, readVisibleEvents } from "./list";

export interface TimelineExport {
  filename: string;
  contentType: string;
  body: string;
  count: number;
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "case";
}

/**
 * The timeline as the viewer sees it (same TLP filtering and alert links as on screen, optional
 * filter), as CSV or JSON. Audited as "timeline.export" before the data leaves.
 */
export async function exportTimeline(viewer: Viewer, caseId: string, format: "csv" | "json", filter: TimelineFilter = {}, now = new Date()): Promise<TimelineExport> {
  return getDb().$transaction(async (tx) => {
    const access = await loadCaseAccess(tx, viewer, caseId, "read");
    const events = applyFilter(await readVisibleEvents(tx, viewer, access), filter);
    const exportable: ExportableEvent[] = events.map((e) => ({ ...e, alertId: e.alert?.id ?? null }));
    const activeFilter = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    // In the owning organisation's trail, also when a shared organisation exports.
    await recordAudit(
      tx,
      viewer,
      {
        action: "timeline.export", targetType: "Case", targetId: access.id,
        summary: { caseId: access.id, format, count: events.length, filter: activeFilter, shared: !access.standing.ownOrganisation },
      },
      { organisationId: access.organisationId },
    );
    const base = `vigil-timeline-${slug(access.title)}`;
    return format === "json"
      ? {
          filename: `${base}.json`, contentType: "application/json; charset=utf-8", count: events.length,
          body: JSON.stringify(timelineToJson({ id: access.id, title: access.title }, exportable, now), null, 2),
        }
      : { filename: `${base}.csv`, contentType: "text/csv; charset=utf-8", count: events.length, body: CSV_BOM + timelineToCsv(exportable) };
  });
}
