/** What a server action returns to its form: a message, and field errors keyed by field name. */
export interface ActionState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Set when the record changed underneath the user: the form should offer to reload. */
  conflict?: boolean;
}

export const initialActionState: ActionState = { ok: false };
