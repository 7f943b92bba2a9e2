import "server-only";
import { filterVisibleAlertIds } from "@/lib/alerts/data/live";
import { can, type Viewer } from "@/lib/auth/permissions";
import { filterVisibleCaseIds } from "@/lib/cases/data/live";
import { subscribeToChanges } from "./hub";
import type { AlertChange, CaseChange } from "./publish";

// The body of GET /api/v1/events, kept apart from the route so tests can drive it with any
// viewer. Server-Sent Events: `event: alert` with {"kind","ids"}, only ids the viewer may see;
// `event: case` with {"caseId","kind"}, one per changed case the viewer may see (case:read; the
// route itself asks for alert:read, which every role holds).

export interface AlertEventStreamOptions {
  /** The request's signal: the stream ends and unsubscribes when the client goes away. */
  signal?: AbortSignal;
  /** Changes are gathered this long, then visibility is checked in one query per kind. */
  batchMs?: number;
  /** A comment line this often keeps proxies and load balancers from closing an idle stream. */
  heartbeatMs?: number;
  /** Reconnect delay the browser's EventSource should use. */
  retryMs?: number;
  /**
   * Re-checks the viewer this often (sign-out everywhere, revoked token, changed clearance);
   * null ends the stream. Without it the viewer is fixed for the stream's life.
   */
  refreshViewer?: (viewer: Viewer) => Promise<Viewer | null>;
  revalidateMs?: number;
}

export interface AlertEvent {
  kind: AlertChange["kind"];
  ids: string[];
}

/** Ids per event; bounds the size of one message for bulk changes. */
const IDS_PER_EVENT = 500;
/** Chunks queued for a client that stopped reading; beyond this it is dropped. */
const MAX_QUEUED_CHUNKS = 1000;

const encoder = new TextEncoder();

export interface CaseEvent {
  caseId: string;
  kind: CaseChange["kind"];
}

export function formatAlertEvent(event: AlertEvent): string {
  return `event: alert\ndata: ${JSON.stringify(event)}\n\n`;
}

export function formatCaseEvent(event: CaseEvent): string {
  return `event: case\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * Subscribes (resolving once listening, or rejecting if the database cannot listen) and returns
 * the event stream. Every exit — abort, cancel, revoked viewer — clears timers and unsubscribes.
 */
export async function createAlertEventStream(viewer: Viewer, options: AlertEventStreamOptions = {}): Promise<ReadableStream<Uint8Array>> {
  const { signal, batchMs = 250, heartbeatMs = 20_000, retryMs = 5_000, refreshViewer, revalidateMs = 60_000 } = options;
  let current = viewer;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let unsubscribe: (() => Promise<void>) | null = null;
  let flushTimer: NodeJS.Timeout | null = null;
  let flushing = false;
  const pending = { created: new Set<string>(), updated: new Set<string>() };
  /** Changed cases in this batch: id → kind ("created" wins over "updated"). */
  const pendingCases = new Map<string, CaseChange["kind"]>();

  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      void finish();
    },
  });

  const send = (text: string) => {
    if (closed) return;
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED_CHUNKS) {
      void finish();
      return;
    }
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      void finish();
    }
  };

  const heartbeat = setInterval(() => send(": heartbeat\n\n"), heartbeatMs);
  const revalidate = refreshViewer
    ? setInterval(() => {
        refreshViewer(current).then(
          (fresh) => {
            if (!fresh || !can(fresh, "alert:read")) void finish();
            else current = fresh;
          },
          // A database hiccup is not a sign-out: keep the stream and check again next time.
          (error) => console.warn("[vigil] could not re-check a live stream's viewer", error),
        );
      }, revalidateMs)
    : null;

  async function finish(): Promise<void> {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    if (revalidate) clearInterval(revalidate);
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    signal?.removeEventListener("abort", onAbort);
    try {
      controller.close();
    } catch {
      // already closed or cancelled by the reader
    }
    const stop = unsubscribe;
    unsubscribe = null;
    await stop?.();
  }

  function onAbort() {
    void finish();
  }

  function schedule() {
    if (!closed && !flushTimer && !flushing && (pending.created.size > 0 || pending.updated.size > 0 || pendingCases.size > 0)) {
      flushTimer = setTimeout(() => void flush(), batchMs);
    }
  }

  async function flush(): Promise<void> {
    flushTimer = null;
    flushing = true;
    // An alert created and then changed within one batch is announced once, as created.
    const created = [...pending.created];
    const updated = [...pending.updated].filter((id) => !pending.created.has(id));
    const cases = [...pendingCases];
    pending.created.clear();
    pending.updated.clear();
    pendingCases.clear();
    try {
      for (const [kind, ids] of [["created", created], ["updated", updated]] as const) {
        if (ids.length === 0 || closed) continue;
        const visible = await filterVisibleAlertIds(current, ids);
        for (let i = 0; i < visible.length; i += IDS_PER_EVENT) {
          send(formatAlertEvent({ kind, ids: visible.slice(i, i + IDS_PER_EVENT) }));
        }
      }
      if (cases.length > 0 && !closed) {
        // One query for the whole batch; an unshared, too-sensitive or other organisation's case
        // is dropped here, so the viewer never learns it exists.
        const visible = new Set(await filterVisibleCaseIds(current, cases.map(([id]) => id)));
        for (const [caseId, kind] of cases) if (visible.has(caseId.toLowerCase())) send(formatCaseEvent({ caseId: caseId.toLowerCase(), kind }));
      }
    } catch (error) {
      // Events are hints; a failed visibility check drops this batch, never the stream.
      console.error("[vigil] live stream could not check visibility", error);
    } finally {
      flushing = false;
      schedule();
    }
  }

  function onChange(change: AlertChange) {
    if (closed) return;
    const target = change.kind === "created" ? pending.created : pending.updated;
    for (const id of change.alertIds) target.add(id);
    schedule();
  }

  function onCase(change: CaseChange) {
    if (closed) return;
    if (pendingCases.get(change.caseId) !== "created") pendingCases.set(change.caseId, change.kind);
    schedule();
  }

  send(`retry: ${retryMs}\n: connected\n\n`);
  if (signal?.aborted) {
    await finish();
    return stream;
  }
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const stop = await subscribeToChanges(viewer.organisationId, { onAlert: onChange, onCase });
    // The client may have left while we were subscribing.
    if (closed) await stop();
    else unsubscribe = stop;
  } catch (error) {
    await finish();
    throw error;
  }
  return stream;
}
