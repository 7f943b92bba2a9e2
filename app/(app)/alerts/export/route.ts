import { redirect } from "next/navigation";
import { createAlertCsvStream, recordAlertExport } from "@/lib/alerts/data/export";
import { parseAlertListQuery, searchParamsToObject } from "@/lib/alerts/schema";
import { getViewer } from "@/lib/auth/viewer";

// The current inbox view as a CSV download: same URL parameters as /alerts, every matching alert
// (not just the page on screen), streamed. A link, not an API: session cookie only.

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Today's date in the UK, for the file name. */
function ukDate(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const viewer = await getViewer();
  // Signed out: sign in, then land on the inbox view the link came from (not on a download).
  if (!viewer) redirect(`/login?callbackUrl=${encodeURIComponent(`/alerts${url.search}`)}`);
  const { query } = parseAlertListQuery(searchParamsToObject(url.searchParams));
  await recordAlertExport(viewer, query);
  return new Response(createAlertCsvStream(viewer, query), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="vigil-alerts-${ukDate(new Date())}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
