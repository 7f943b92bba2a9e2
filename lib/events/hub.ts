import "server-only";
import { z } from "zod";
import { getDbHandle, type DbHandle } from "@/lib/db/client";
import { ALERT_CHANNEL, type AlertChange, type CaseChange } from "./publish";

// The process's one ear on the alert channel (which carries case changes too). Every live stream in this process subscribes here,
// so a server with a thousand open inboxes still holds a single LISTEN (on PostgreSQL: a single
// extra connection). It listens while it has subscribers and stops when the last one leaves.
//
// This is the one module outside lib/*/data that touches the database handle: it never queries,
// it only listens. Who may see what is decided later, per subscriber, in the data layer.

export type AlertChangeHandler = (change: AlertChange) => void;
export type CaseChangeHandler = (change: CaseChange) => void;

/** What one subscription hears; a live stream takes both through a single subscription. */
export interface ChangeHandlers {
  onAlert?: AlertChangeHandler;
  onCase?: CaseChangeHandler;
}

// Bounds mirror publishAlertChange (at most 150 ids per NOTIFY); anything else on the channel is
// not ours, or is corrupt, and is dropped.
const changeSchema = z.object({
  organisationId: z.uuid(),
  alertIds: z.array(z.uuid()).min(1).max(1000),
  kind: z.enum(["created", "updated"]),
});

// Mirrors publishCaseChange (at most 150 organisations per NOTIFY).
const caseChangeSchema = z.object({
  topic: z.literal("case"),
  caseId: z.uuid(),
  organisationIds: z.array(z.uuid()).min(1).max(1000),
  kind: z.enum(["created", "updated"]),
});

type Change = { topic: "alert"; change: AlertChange } | { topic: "case"; change: CaseChange };

interface HubState {
  byOrganisation: Map<string, Set<ChangeHandlers>>;
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

function parseJson(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return null;
  }
}

/** Parses one NOTIFY payload; null for anything malformed. */
export function parseAlertChange(payload: string): AlertChange | null {
  const parsed = changeSchema.safeParse(parseJson(payload));
  return parsed.success ? parsed.data : null;
}

/** Parses one case NOTIFY payload (topic "case"); null for anything malformed. */
export function parseCaseChange(payload: string): CaseChange | null {
  const parsed = caseChangeSchema.safeParse(parseJson(payload));
  return parsed.success ? { caseId: parsed.data.caseId, organisationIds: parsed.data.organisationIds, kind: parsed.data.kind } : null;
}

function parseChange(payload: string): Change | null {
  const json = parseJson(payload);
  if (json !== null && typeof json === "object" && "topic" in json) {
    const change = json.topic === "case" ? parseCaseChange(payload) : null;
    return change && { topic: "case", change };
  }
  const change = parseAlertChange(payload);
  return change && { topic: "alert", change };
}

function deliver(organisationId: string, call: (handlers: ChangeHandlers) => void): void {
  const handlers = hub().byOrganisation.get(organisationId);
  if (!handlers) return;
  for (const handler of [...handlers]) {
    try {
      call(handler);
    } catch (error) {
      console.error("[vigil] change subscriber threw", error);
    }
  }
}

function dispatch(payload: string): void {
  const parsed = parseChange(payload);
  if (!parsed) {
    console.warn("[vigil] ignored a malformed change notification");
    return;
  }
  if (parsed.topic === "alert") {
    const change = parsed.change;
    deliver(change.organisationId, (h) => h.onAlert?.(change));
    return;
  }
  const change = parsed.change;
  for (const organisationId of new Set(change.organisationIds)) deliver(organisationId, (h) => h.onCase?.(change));
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
export function subscribeToAlertChanges(organisationId: string, onChange: AlertChangeHandler): Promise<() => Promise<void>> {
  return subscribeToChanges(organisationId, { onAlert: onChange });
}

/**
 * Like subscribeToAlertChanges, for both kinds of change through one subscription: alert changes
 * of the organisation, and changes to cases it owns or that are shared with it.
 */
export async function subscribeToChanges(organisationId: string, on: ChangeHandlers): Promise<() => Promise<void>> {
  const state = hub();
  // A fresh object per subscription, so one callback subscribed twice unsubscribes separately.
  const handler: ChangeHandlers = { ...on };
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
