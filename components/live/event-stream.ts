// The browser side of GET /api/v1/events, shared by every live view: one EventSource with the
// browser's own retry while it is reconnecting, and our back-off once it has given up (an HTTP
// error such as 401 or 503 closes it for good).

const RECONNECT_MIN_MS = 5_000;
const RECONNECT_MAX_MS = 60_000;

export interface EventStreamOptions {
  /** Handlers by SSE event name ("alert", "case"), given the raw `data`. */
  on: Record<string, (data: string) => void>;
  /** Called when the stream reopens after a failure: events sent meanwhile were missed. */
  onResync: () => void;
}

/** Opens the stream; returns the function that closes it for good. */
export function openEventStream({ on, onResync }: EventStreamOptions): () => void {
  let source: EventSource | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let opened = false;
  let stopped = false;

  const connect = () => {
    source = new EventSource("/api/v1/events");
    for (const [name, handler] of Object.entries(on)) {
      source.addEventListener(name, (message) => handler((message as MessageEvent<string>).data));
    }
    source.onopen = () => {
      if (opened && failures > 0) onResync();
      opened = true;
      failures = 0;
    };
    source.onerror = () => {
      failures += 1;
      if (source?.readyState !== EventSource.CLOSED || stopped) return;
      source.close();
      const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** Math.min(failures - 1, 4));
      reconnectTimer = setTimeout(connect, delay * (0.8 + Math.random() * 0.4));
    };
  };
  connect();

  return () => {
    stopped = true;
    source?.close();
    if (reconnectTimer) clearTimeout(reconnectTimer);
  };
}
