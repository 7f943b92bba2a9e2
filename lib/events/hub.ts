import "server-only";
import { z } from "zod";
import { getDbHandle, type DbHandle } from "@/lib/db/client";
import { ALERT_CHANNEL, type AlertChange } from "./publish";

// The process's one ear on the alert channel. Every live stream in this process subscribes here,
// so a server with a thousand open inboxes still holds a single LISTEN (on PostgreSQL: a single
// extra connection). It listens while it has subscribers and stops when the last one leaves.
//
// This is the one module outside lib/*/data that touches the database handle: it never queries,
// it only listens. Who may see what is decided later, per subscriber, in the data layer.

export type AlertChangeHandler = (change: AlertChange) => void;

// Bounds mirror publishAlertChange (at most 150 ids per NOTIFY); anything else on the channel is
// not ours, or is corrupt, and is dropped.
const changeSchema = z.object({
  organisationId: z.uuid(),
  alertIds: z.array(z.uuid()).min(1).max(1000),
  kind: z.enum(["created", "updated"]),
});

interface HubState {
  byOrganisation: Map<string, Set<AlertChangeHandler>>;
  size: number;
  /** The active LISTEN: the handle it is on and how to stop it. */
  active: { handle: DbHandle; unlisten: () => Promise<void> } | null;
  /** Starts and stops run one after another, so a quick leave-and-rejoin cannot double-listen. */
  lifecycle: Promise<unknown>;
}

// On globalThis so that module copies (dev reloads, separate route bundles) share one hub.
const holder = globalThis as unknown as { __vigilAlertHub?: HubState };
function hub(): HubState {
  return (holder.__vigilAlertHub ??= { byOrganisation: new Map(), size: 0, active: null, lifecycle: Promise.resolve() });
}

function serially<T>(state: HubState, step: () => Promise<T>): Promise<T> {
  const next = state.lifecycle.then(step);
  state.lifecycle = next.catch(() => {});
  return next;
}

/** Parses one NOTIFY payload; null for anything malformed. */
export function parseAlertChange(payload: string): AlertChange | null {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = changeSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

function dispatch(payload: string): void {
  const change = parseAlertChange(payload);
  if (!change) {
    console.warn("[vigil] ignored a malformed alert change notification");
    return;
  }
  const handlers = hub().byOrganisation.get(change.organisationId);
  if (!handlers) return;
  for (const handler of [...handlers]) {
    try {
      handler(change);
    } catch (error) {
      console.error("[vigil] alert change subscriber threw", error);
    }
  }
}

async function ensureListening(state: HubState): Promise<void> {
  const handle = getDbHandle();
  if (state.active?.handle === handle) return;
  // The process handle was replaced (tests, or closeDb() and reopen): the old LISTEN is dead.
  if (state.active) await stopListening(state);
  state.active = { handle, unlisten: await handle.listen(ALERT_CHANNEL, dispatch) };
}

async function stopListening(state: HubState): Promise<void> {
  const active = state.active;
  state.active = null;
  await active?.unlisten().catch((error) => console.warn("[vigil] UNLISTEN failed", error));
}

/**
 * Calls `onChange` for every committed alert change in the organisation, until the returned
 * function is called. Resolves once listening. Changes carry ids only: subscribers must re-read
 * through the data layer with their own viewer before showing anything.
 */
export async function subscribeToAlertChanges(
  organisationId: string,
  onChange: AlertChangeHandler,
): Promise<() => Promise<void>> {
  const state = hub();
  // A fresh function per subscription, so one callback subscribed twice unsubscribes separately.
  const handler: AlertChangeHandler = (change) => onChange(change);
  let handlers = state.byOrganisation.get(organisationId);
  if (!handlers) state.byOrganisation.set(organisationId, (handlers = new Set()));
  handlers.add(handler);
  state.size += 1;

  let done = false;
  const unsubscribe = async () => {
    if (done) return;
    done = true;
    const set = state.byOrganisation.get(organisationId);
    if (set?.delete(handler)) {
      state.size -= 1;
      if (set.size === 0) state.byOrganisation.delete(organisationId);
    }
    await serially(state, async () => {
      if (state.size === 0) await stopListening(state);
    });
  };

  try {
    await serially(state, () => ensureListening(state));
  } catch (error) {
    await unsubscribe();
    throw error;
  }
  return unsubscribe;
}

/** Subscribers in this process (for tests and diagnostics). */
export function alertHubSubscriberCount(): number {
  return hub().size;
}

/** Whether this process currently holds its LISTEN (for tests and diagnostics). */
export function alertHubIsListening(): boolean {
  return hub().active !== null;
}
