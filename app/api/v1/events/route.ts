import { assertCan, type Viewer } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { refreshStreamViewer } from "@/lib/events/data";
import { createAlertEventStream } from "@/lib/events/stream";
import { requireApiViewer } from "@/lib/http/api-auth";
import { ApiProblem, problem, withApiErrors } from "@/lib/http/problem";

// Live alert changes as Server-Sent Events, for the inbox (session cookie) and for other programs
// (API token with alert:read). The work is in lib/events/stream.ts; this is authentication only.

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** A bearer token if one is presented (it must then be valid), else the signed-in user. */
async function eventViewer(request: Request): Promise<Viewer> {
  if (request.headers.has("authorization")) return requireApiViewer(request);
  const viewer = await getViewer();
  if (!viewer) {
    throw new ApiProblem(401, "Unauthorized", {
      detail: "Sign in, or send an API token with the alert:read capability as a Bearer token.",
      headers: { "WWW-Authenticate": 'Bearer realm="vigil"' },
    });
  }
  return viewer;
}

export const GET = withApiErrors(async (request: Request) => {
  const viewer = await eventViewer(request);
  assertCan(viewer, "alert:read");
  let body: ReadableStream<Uint8Array>;
  try {
    body = await createAlertEventStream(viewer, { signal: request.signal, refreshViewer: refreshStreamViewer });
  } catch (error) {
    console.error("[vigil] could not open the live alert stream", error);
    // EventSource gives up after an HTTP error status; the inbox banner reconnects itself with
    // backoff. Retry-After is for other clients.
    return problem(503, "Service Unavailable", { detail: "Live updates are unavailable; try again shortly.", headers: { "Retry-After": "5" } });
  }
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      // nginx and similar proxies buffer responses by default, which would hold events back.
      "X-Accel-Buffering": "no",
    },
  });
});
