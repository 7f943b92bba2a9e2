import type { ActionState } from "@/lib/http/action-state";

export function Feedback({ state }: { state: ActionState }) {
  if (!state.message) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={state.ok ? "success-text" : "error-text"}>
      {state.message}
      {state.conflict ? <> <a href="">Reload the timeline</a> to see the current version, then re-apply your change.</> : null}
    </p>
  );
}

export function FieldError({ state, name, id }: { state: ActionState; name: string; id: string }) {
  const errors = state.fieldErrors?.[name];
  return errors ? <span id={id} className="error-text">{errors.join(" ")}</span> : null;
}
