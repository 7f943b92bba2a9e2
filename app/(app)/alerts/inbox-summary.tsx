import { countAlerts } from "@/lib/alerts/data/list";
import { getTriageMetrics } from "@/lib/alerts/data/metrics";
import { formatDuration } from "@/lib/alerts/metrics";
import type { AlertListQuery } from "@/lib/alerts/schema";
import type { Viewer } from "@/lib/auth/permissions";

// The inbox's numbers. Each is an async server component that the page wraps in <Suspense>:
// counting is the slow half at scale, so the rows are sent first and these stream in after.

/** Open alerts by severity, and this week's median time to acknowledge. */
export async function TriageSummary({ viewer }: { viewer: Viewer }) {
  const { open, medianTimeToAcknowledgeMs: median, acknowledgedThisWeek: acked } = await getTriageMetrics(viewer);
  const s = open.bySeverity;
  return (
    <>
      {`${open.open.toLocaleString("en-GB")} open · ${s.CRITICAL} critical · ${s.HIGH} high · ${s.MEDIUM} medium · ${s.LOW} low · ${s.INFO} info`}
      <br />
      {median === null
        ? "No alerts acknowledged yet this week."
        : `Median time to acknowledge this week: ${formatDuration(median)} (${acked.toLocaleString("en-GB")} ${acked === 1 ? "alert" : "alerts"})`}
    </>
  );
}

/** "1 alert", "1,234 alerts match these filters", "10,000+ alerts". */
export async function AlertTotal({ viewer, query, filtered }: { viewer: Viewer; query: AlertListQuery; filtered: boolean }) {
  const { total, capped } = await countAlerts(viewer, query);
  const count = total === 1 && !capped ? "1 alert" : `${total.toLocaleString("en-GB")}${capped ? "+" : ""} alerts`;
  return <>{`${count}${filtered ? (total === 1 && !capped ? " matches these filters" : " match these filters") : ""}`}</>;
}
