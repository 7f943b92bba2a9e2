"use client";

import { useState } from "react";
import { PromoteDialog } from "../promote-dialog";

/** "Promote to case" on the alert page: opens the promote dialog for this one alert. */
export function PromoteButton({ alert }: { alert: { id: string; title: string } }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>Promote to case…</button>
      {open ? <PromoteDialog alerts={[alert]} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
