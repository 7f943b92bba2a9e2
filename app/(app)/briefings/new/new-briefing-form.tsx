"use client";

import { useActionState } from "react";
import { initialActionState } from "@/lib/http/action-state";
import { Feedback } from "@/components/ui/form-feedback";
import { createBriefingAction } from "../actions";
import { MetaFields } from "../meta-fields";

export function NewBriefingForm({ audiences }: { audiences: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createBriefingAction, initialActionState);
  return (
    <form action={action} className="card stack" aria-label="New briefing">
      <MetaFields state={state} audiences={audiences} />
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={pending}>{pending ? "Creating…" : "Create and add sections"}</button>
      </div>
      <Feedback state={state} />
    </form>
  );
}
