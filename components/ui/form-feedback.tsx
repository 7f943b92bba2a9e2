import type { ActionState } from "@/lib/http/action-state";

// Message and field errors under forms driven by server actions (server or client components).

/** With `reloadLabel`, a conflict (the record changed underneath) also offers a reload link. */
export function Feedback({ state, reloadLabel }: { state: ActionState; reloadLabel?: string }) {
  if (!state.message) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={state.ok ? "success-text" : "error-text"}>
      {state.message}
      {state.conflict && reloadLabel ? <> <a href="">{reloadLabel}</a>.</> : null}
    </p>
  );
}

export function FieldError({ state, name, id }: { state: ActionState; name: string; id?: string }) {
  // Errors on list items arrive keyed "tags.0".
  const errors = Object.entries(state.fieldErrors ?? {})
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .flatMap(([, messages]) => messages);
  return errors.length ? <span id={id ?? `${name}-error`} className="error-text">{errors.join(" ")}</span> : null;
}
