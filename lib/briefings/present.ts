import type { Tlp } from "@/lib/db/generated/enums";
import type { SnapshotSection, TimelineSnapshotEvent } from "./snapshot";

// Pure helpers for showing a published snapshot: slide navigation for present mode, the order of
// timeline events, and the print/page names used by the TLP running header. No I/O.

/** The cover is slide 0; each section is one slide after it. */
export function slideCount(sections: readonly SnapshotSection[]): number {
  return sections.length + 1;
}

export type SlideKeyAction = { kind: "go"; index: number } | { kind: "fullscreen" } | { kind: "escape" } | null;

/** What a key press does in present mode, given the current slide and the number of slides. */
export function slideKeyAction(key: string, current: number, count: number): SlideKeyAction {
  const last = Math.max(0, count - 1);
  const clamp = (n: number) => Math.min(last, Math.max(0, n));
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
    case "PageDown":
    case " ":
    case "Spacebar":
      return { kind: "go", index: clamp(current + 1) };
    case "ArrowLeft":
    case "ArrowUp":
    case "PageUp":
      return { kind: "go", index: clamp(current - 1) };
    case "Home":
      return { kind: "go", index: 0 };
    case "End":
      return { kind: "go", index: last };
    case "f":
    case "F":
      return { kind: "fullscreen" };
    case "Escape":
      return { kind: "escape" };
    default:
      return null;
  }
}

/** "03:07" or "1:02:09" for the presenter clock's elapsed time. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** Oldest first; on the same instant the coarser date first, then by title (stable for snapshots). */
export function sortSnapshotEvents(events: readonly TimelineSnapshotEvent[]): TimelineSnapshotEvent[] {
  const rank = { YEAR: 0, MONTH: 1, DAY: 2, MINUTE: 3 } as const;
  return [...events].sort(
    (a, b) =>
      Date.parse(a.occurredAt) - Date.parse(b.occurredAt) ||
      rank[a.precision] - rank[b.precision] ||
      a.title.localeCompare(b.title),
  );
}

/** The value of data-print-tlp, matched by the @page rules in app/globals.css. */
export function printTlpName(tlp: Tlp): string {
  return tlp.toLowerCase().replace("_", "-");
}
