import type { ActionState } from "@/lib/http/action-state";

// Kept out of link-actions.ts: a "use server" module should export async functions only.

export interface CreateReadLinkState extends ActionState {
  /** "/b/<secret>": shown once in the form, never stored or sent again. */
  path?: string;
}
