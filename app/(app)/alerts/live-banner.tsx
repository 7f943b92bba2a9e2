"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { openEventStream } from "@/components/live/event-stream";

// "N new alerts — show" for an open inbox, fed by GET /api/v1/events (Server-Sent Events).
//
// New alerts are counted, not inserted: rows jumping under the cursor mid-triage cause wrong
// clicks. The user pulls them in with the button. Changes to rows already on screen are applied
// quietly instead (a server refresh), but at most once per REFRESH_GAP_MS and never while the
// user is typing or working the keyboard shortcuts, nor while the tab is hidden.

const REFRESH_GAP_MS = 5_000;
/** A keystroke this recent counts as "working": j/k triage must not have rows move under it. */
const KEYBOARD_IDLE_MS = 2_000;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface AlertEventData {
  kind: "created" | "updated";
  ids: string[];
}

function parseEvent(data: unknown): AlertEventData | null {
  if (typeof data !== "string") return null;
  try {
    const value = JSON.parse(data) as Partial<AlertEventData>;
    if ((value.kind === "created" || value.kind === "updated") && Array.isArray(value.ids)) {
      return { kind: value.kind, ids: value.ids.filter((id): id is string => typeof id === "string") };
    }
  } catch {
    // not ours
  }
  return null;
}

function isEditing(): boolean {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || el.matches("input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]), textarea, select");
}

/** Ids of the alert rows on screen, when the page does not pass them (links to /alerts/<id>). */
function idsOnScreen(): Set<string> {
  const ids = new Set<string>();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('table[aria-label="Alerts"] a[href^="/alerts/"]')) {
    const id = UUID.exec(link.getAttribute("href") ?? "")?.[0];
    if (id) ids.add(id.toLowerCase());
  }
  return ids;
}

export interface LiveBannerProps {
  /** Alerts shown on this page; an update to one of them refreshes the view quietly. */
  visibleIds?: readonly string[];
}

export function LiveBanner({ visibleIds }: LiveBannerProps = {}) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  // The count belongs to the view it was counted on: another filter or page starts from zero.
  const [counted, setCounted] = useState({ view: search, ids: [] as string[] });
  const count = counted.view === search ? counted.ids.length : 0;

  const viewRef = useRef(search);
  const visibleRef = useRef<readonly string[] | undefined>(visibleIds);
  const lastRefreshAt = useRef(0);
  const lastKeyAt = useRef(0);

  useEffect(() => {
    viewRef.current = search;
    visibleRef.current = visibleIds;
  }, [search, visibleIds]);

  const refresh = useCallback((clearCount: boolean) => {
    lastRefreshAt.current = Date.now();
    if (clearCount) setCounted({ view: viewRef.current, ids: [] });
    router.refresh();
  }, [router]);

  useEffect(() => {
    const onKey = () => {
      lastKeyAt.current = Date.now();
    };
    document.addEventListener("keydown", onKey, true);
    return () => document.removeEventListener("keydown", onKey, true);
  }, []);

  useEffect(() => {
    let quietWanted = false;
    let quietTimer: ReturnType<typeof setTimeout> | null = null;
    const tryQuietRefresh = () => {
      if (!quietWanted || quietTimer) return;
      const busy = document.hidden || isEditing() || Date.now() - lastKeyAt.current < KEYBOARD_IDLE_MS;
      const wait = Math.max(lastRefreshAt.current + REFRESH_GAP_MS - Date.now(), busy ? KEYBOARD_IDLE_MS : 0);
      if (wait > 0) {
        quietTimer = setTimeout(() => {
          quietTimer = null;
          tryQuietRefresh();
        }, wait);
        return;
      }
      quietWanted = false;
      // On the first page the refreshed list now holds the counted alerts; on later pages it
      // does not, so the count stays.
      const params = new URLSearchParams(viewRef.current);
      refresh(!params.has("after") && !params.has("before"));
    };
    const requestQuietRefresh = () => {
      quietWanted = true;
      tryQuietRefresh();
    };

    const onAlert = (data: string) => {
      const event = parseEvent(data);
      if (!event || event.ids.length === 0) return;
      if (event.kind === "created") {
        setCounted((prev) => {
          const base = prev.view === viewRef.current ? prev.ids : [];
          const fresh = event.ids.filter((id) => !base.includes(id));
          return fresh.length === 0 && prev.view === viewRef.current ? prev : { view: viewRef.current, ids: [...base, ...fresh] };
        });
      } else {
        const onScreen = visibleRef.current ? new Set(visibleRef.current.map((id) => id.toLowerCase())) : idsOnScreen();
        if (event.ids.some((id) => onScreen.has(id.toLowerCase()))) requestQuietRefresh();
      }
    };

    // Events sent while we were away are lost: resynchronise the view once.
    const closeStream = openEventStream({ on: { alert: onAlert }, onResync: requestQuietRefresh });

    const retryWhenFree = () => tryQuietRefresh();
    document.addEventListener("visibilitychange", retryWhenFree);
    document.addEventListener("focusout", retryWhenFree);
    return () => {
      closeStream();
      if (quietTimer) clearTimeout(quietTimer);
      document.removeEventListener("visibilitychange", retryWhenFree);
      document.removeEventListener("focusout", retryWhenFree);
    };
  }, [refresh]);

  const show = () => {
    // New alerts are at the top of the first page: leave any page cursor behind.
    const params = new URLSearchParams(search);
    if (params.has("after") || params.has("before")) {
      params.delete("after");
      params.delete("before");
      // The count resets by itself: it belongs to the view it was counted on.
      lastRefreshAt.current = Date.now();
      router.push(params.size > 0 ? `${pathname}?${params}` : pathname);
      return;
    }
    refresh(true);
  };

  return (
    // Always in the document, so screen readers announce the button when it appears; visually
    // hidden (and out of the page's layout) while there is nothing to say.
    <div role="status" aria-live="polite" className={count > 0 ? "row" : "sr-only"}>
      {count > 0 && (
        <button type="button" className="btn btn-sm btn-primary" onClick={show}>
          {count === 1 ? "1 new alert" : `${count.toLocaleString("en-GB")} new alerts`} — show
        </button>
      )}
    </div>
  );
}
