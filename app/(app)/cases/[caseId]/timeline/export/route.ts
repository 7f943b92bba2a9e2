import { redirect } from "next/navigation";
import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/http/errors";
import { exportTimeline } from "@/lib/timeline/data/export";
import { exportFormatSchema, timelineFilterSchema } from "@/lib/timeline/schema";

// The case timeline as a CSV or JSON download (?format=csv|json, plus the page's filters): only
// the events this viewer may see, audited as "timeline.export". A link: session cookie only.

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Params = Promise<{ caseId: string }>;

export async function GET(request: Request, { params }: { params: Params }): Promise<Response> {
  const { caseId } = await params;
  const url = new URL(request.url);
  const viewer = await getViewer();
  if (!viewer) redirect(`/login?callbackUrl=${encodeURIComponent(`/cases/${caseId}/timeline`)}`);
  if (!z.uuid().safeParse(caseId).success) return new Response("Not found", { status: 404 });
  const sp = url.searchParams;
  const format = exportFormatSchema.parse(sp.get("format") ?? "csv");
  const filter = timelineFilterSchema.parse({
    entity: sp.get("entity") ?? undefined, source: sp.get("source") ?? undefined, tag: sp.get("tag") ?? undefined,
  });
  try {
    const file = await exportTimeline(viewer, caseId, format, filter);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
