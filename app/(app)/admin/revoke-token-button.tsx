"use client";

import { useActionState } from "react";
import { initialActionState } from "@/lib/http/action-state";
import { revokeApiTokenAction } from "./actions";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action, pending] = useActionState(revokeApiTokenAction, initialActionState);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke the token “${name}”? Programs using it stop working at once. This cannot be undone.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <button type="submit" className="btn btn-danger btn-sm" disabled={pending} aria-label={`Revoke ${name}`}>
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {state.message && !state.ok ? <p role="alert" className="error-text">{state.message}</p> : null}
    </form>
  );
}
