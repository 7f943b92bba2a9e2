"use client";

import { useRouter } from "next/navigation";

interface Props {
  /** What the record looks like now, in a few words. */
  summary: string;
  onReapply: () => void;
  pending: boolean;
}

/** Shown when someone else saved first: reload to see their change, or re-apply ours on top. */
export function ConflictNotice({ summary, onReapply, pending }: Props) {
  const router = useRouter();
  return (
    <div role="alert" className="notice notice-error stack">
      <p>Someone else changed this task. It is now: {summary}.</p>
      <p className="row">
        <button type="button" className="btn btn-sm" onClick={() => router.refresh()}>Reload</button>
        <button type="button" className="btn btn-sm btn-primary" onClick={onReapply} disabled={pending}>Re-apply my change</button>
      </p>
    </div>
  );
}
