import type { ActionState } from "@/lib/http/action-state";

// Kept out of actions.ts: a "use server" module should export async functions only.

export interface CreateTokenState extends ActionState {
  /** The new token's secret: shown once in the form, never stored or sent again. */
  secret?: string;
  tokenName?: string;
}
