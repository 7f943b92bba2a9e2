import pg from "pg";

// LISTEN for a PostgreSQL server. A pool connection cannot listen: the pool lends it to other
// queries and ends it when idle, and the LISTEN goes with it. So each channel gets one dedicated,
// long-lived connection per process, opened when the first subscriber arrives, shared by all
// subscribers, re-opened with backoff when it drops, and closed when the last one leaves.
//
// Notifications sent while the connection is down are lost (NOTIFY is not queued for absent
// listeners); live views treat events as hints and re-read the database anyway.

export type PayloadHandler = (payload: string) => void;

export interface PgListenerOptions {
  connectionString: string;
  /** First reconnect delay; doubles per failure up to maxBackoffMs (with jitter). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

class ChannelListener {
  private readonly subscribers = new Set<PayloadHandler>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private closed = false;

  constructor(
    private readonly channel: string,
    private readonly options: PgListenerOptions,
  ) {}

  /** Resolves once LISTEN is active, so a NOTIFY committed afterwards is delivered. */
  async subscribe(onPayload: PayloadHandler): Promise<() => Promise<void>> {
    if (this.closed) throw new Error("The database handle is closed");
    // A fresh wrapper per call: the same function subscribed twice gets two deliveries and two
    // independent unsubscribes, as with PGlite.
    const subscriber: PayloadHandler = (payload) => onPayload(payload);
    this.subscribers.add(subscriber);
    try {
      await this.ensureConnected();
    } catch (error) {
      await this.remove(subscriber);
      throw error;
    }
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      await this.remove(subscriber);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscribers.clear();
    await this.connecting?.catch(() => {});
    await this.disconnect();
  }

  private async remove(subscriber: PayloadHandler): Promise<void> {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size === 0) await this.disconnect();
  }

  private async ensureConnected(): Promise<void> {
    // A loop, not an if: a connection attempt that finished just as the last subscriber left
    // ends its client again, and a subscriber that arrived in that moment must start another.
    while (!this.client) {
      if (this.closed) throw new Error("The database handle is closed");
      if (!this.connecting) {
        this.clearRetry();
        this.connecting = this.connect().finally(() => {
          this.connecting = null;
        });
      }
      await this.connecting;
    }
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      // Detects a silently dropped connection (NAT, failover) instead of waiting forever.
      keepAlive: true,
      application_name: "vigil-listener",
    });
    client.on("notification", (message) => {
      if (message.channel === this.channel && message.payload !== undefined) this.fanOut(message.payload);
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${quoteIdent(this.channel)}`);
    } catch (error) {
      await endQuietly(client);
      this.scheduleRetry();
      throw error;
    }
    if (this.closed || this.subscribers.size === 0) {
      await endQuietly(client);
      return;
    }
    this.client = client;
    this.failures = 0;
  }

  private fanOut(payload: string): void {
    for (const subscriber of [...this.subscribers]) {
      try {
        subscriber(payload);
      } catch (error) {
        // One faulty subscriber must not starve the others.
        console.error(`[vigil] listener on ${this.channel} threw`, error);
      }
    }
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.client !== client) return; // an old or not yet established connection
    this.client = null;
    console.warn(`[vigil] LISTEN connection for ${this.channel} lost${error ? `: ${error.message}` : ""}; reconnecting`);
    void endQuietly(client);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || this.subscribers.size === 0 || this.retryTimer) return;
    const min = this.options.minBackoffMs ?? 250;
    const max = this.options.maxBackoffMs ?? 30_000;
    const delay = Math.min(max, min * 2 ** this.failures) * (0.75 + Math.random() * 0.5);
    this.failures += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      // A failure schedules the next attempt itself.
      this.ensureConnected().catch((error: Error) => {
        console.warn(`[vigil] LISTEN on ${this.channel} could not reconnect: ${error.message}; retrying`);
      });
    }, delay);
    this.retryTimer.unref();
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async disconnect(): Promise<void> {
    this.clearRetry();
    const client = this.client;
    this.client = null;
    if (client) await endQuietly(client);
  }
}

/** The listeners of one database handle: one ChannelListener (one connection) per channel. */
export class PgListeners {
  private readonly channels = new Map<string, ChannelListener>();
  private closed = false;

  constructor(private readonly options: PgListenerOptions) {}

  async listen(channel: string, onPayload: PayloadHandler): Promise<() => Promise<void>> {
    if (this.closed) throw new Error("The database handle is closed");
    let listener = this.channels.get(channel);
    if (!listener) {
      listener = new ChannelListener(channel, this.options);
      this.channels.set(channel, listener);
    }
    return listener.subscribe(onPayload);
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.channels.values()];
    this.channels.clear();
    await Promise.all(all.map((listener) => listener.close()));
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function endQuietly(client: pg.Client): Promise<void> {
  client.removeAllListeners("notification");
  // end() on a broken socket may still emit "error"; without a handler that would crash the process.
  client.on("error", () => {});
  await client.end().catch(() => {});
}
