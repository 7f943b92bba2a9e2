"use client";

import { useActionState } from "react";
import { initialActionState } from "@/lib/http/action-state";
import { deleteTimelineEventAction } from "./actions";
import { Feedback } from "@/components/ui/form-feedback";
import styles from "./timeline.module.css";

export function DeleteEventButton({ caseId, eventId, version, title }: { caseId: string; eventId: string; version: number; title: string }) {
  const [state, action, pending] = useActionState(deleteTimelineEventAction, initialActionState);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Delete “${title}” from the timeline?`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className={`btn btn-sm btn-ghost ${styles.danger}`} disabled={pending}>{pending ? "Deleting…" : "Delete"}</button>
      <Feedback state={state} />
    </form>
  );
}
