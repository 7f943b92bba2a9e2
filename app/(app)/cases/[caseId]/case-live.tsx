"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { openEventStream } from "@/components/live/event-stream";

// Live updates for an open case, fed by GET /api/v1/events (`event: case` with {"caseId"}, sent
// only to viewers who may see the case). When someone changes the case, the page refreshes
// itself (router.refresh keeps client state) — unless the user is in the middle of something: a
// form field focused, or holding text they typed. Then a polite "Updated by someone else —
// refresh" button appears instead, and the refresh waits for them. Never more than one refresh
// per REFRESH_GAP_MS, and none while the tab is hidden.

const REFRESH_GAP_MS = 3_000;
/** A change arriving this soon after a form on this page was submitted is most likely our own. */
const OWN_CHANGE_MS = 2_500;

const FIELDS = "input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]):not([type=image]), textarea, select";

function parseCaseId(data: unknown): string | null {
  if (typeof data !== "string") return null;
  try {
    const value = JSON.parse(data) as { caseId?: unknown };
    return typeof value.caseId === "string" ? value.caseId.toLowerCase() : null;
  } catch {
    return null;
  }
}

function isField(el: Element | null): el is HTMLElement {
  return el instanceof HTMLElement && (el.isContentEditable || el.matches(FIELDS));
}

/**
 * Whether a field holds something the user has not saved. Controlled React inputs keep their
 * default in step with their value, so fields typed into since the page loaded count as dirty
 * while they hold text (a form that resets after saving becomes clean again).
 */
function isDirty(el: Element, touched: WeakSet<Element>): boolean {
  if (el instanceof HTMLInputElement) {
    if (el.type === "checkbox" || el.type === "radio") return el.checked !== el.defaultChecked;
    return el.value !== el.defaultValue || (touched.has(el) && el.value !== "");
  }
  if (el instanceof HTMLTextAreaElement) return el.value !== el.defaultValue || (touched.has(el) && el.value !== "");
  if (el instanceof HTMLSelectElement) return [...el.options].some((o) => o.selected !== o.defaultSelected) && touched.has(el);
  return el instanceof HTMLElement && el.isContentEditable && touched.has(el);
}

function isBusy(touched: WeakSet<Element>): boolean {
  if (isField(document.activeElement)) return true;
  for (const el of document.querySelectorAll(`main ${FIELDS}, main [contenteditable=true]`)) if (isDirty(el, touched)) return true;
  return false;
}

export interface CaseLiveProps {
  caseId: string;
}

export function CaseLive({ caseId }: CaseLiveProps) {
  const router = useRouter();
  const [stale, setStale] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const lastRefreshAt = useRef(0);
  /** A heard change not yet applied; `own` while every such change looks like our own save. */
  const waiting = useRef({ pending: false, own: true });

  const refresh = useCallback(() => {
    lastRefreshAt.current = Date.now();
    waiting.current = { pending: false, own: true };
    setStale(false);
    router.refresh();
  }, [router]);

  useEffect(() => {
    const wanted = caseId.toLowerCase();
    const touched = new WeakSet<Element>();
    let lastSubmitAt = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const tryRefresh = () => {
      if (!waiting.current.pending || timer || document.hidden) return;
      if (isBusy(touched)) {
        // Our own save needs no button: the page refreshes itself after the action.
        if (!waiting.current.own) setStale(true);
        return;
      }
      const wait = lastRefreshAt.current + REFRESH_GAP_MS - Date.now();
      if (wait > 0) {
        timer = setTimeout(() => {
          timer = null;
          tryRefresh();
        }, wait);
        return;
      }
      if (!waiting.current.own) setAnnouncement(`Case updated by someone else at ${new Date().toLocaleTimeString("en-GB")}.`);
      refresh();
    };
    const onChange = (own: boolean) => {
      waiting.current = { pending: true, own: waiting.current.own && own };
      tryRefresh();
    };

    const onInput = (event: Event) => {
      if (event.target instanceof Element) touched.add(event.target);
    };
    // A submitted or reset form's text is no longer "typed and unsaved".
    const onSubmitOrReset = (event: Event) => {
      if (event.type === "submit") lastSubmitAt = Date.now();
      if (event.target instanceof HTMLFormElement) for (const el of event.target.elements) touched.delete(el);
    };
    let stopped = false;
    // Leaving a field, or coming back to the tab, may be the moment to apply a waiting change.
    const retry = () => setTimeout(() => {
      if (!stopped) tryRefresh();
    }, 0);

    const onCase = (data: string) => {
      if (parseCaseId(data) === wanted) onChange(Date.now() - lastSubmitAt < OWN_CHANGE_MS);
    };
    // Changes made while we were disconnected were not heard: catch up once.
    const closeStream = openEventStream({ on: { case: onCase }, onResync: () => onChange(false) });

    document.addEventListener("input", onInput, true);
    document.addEventListener("change", onInput, true);
    document.addEventListener("submit", onSubmitOrReset, true);
    document.addEventListener("reset", onSubmitOrReset, true);
    document.addEventListener("focusout", retry);
    document.addEventListener("visibilitychange", retry);
    return () => {
      stopped = true;
      closeStream();
      if (timer) clearTimeout(timer);
      document.removeEventListener("input", onInput, true);
      document.removeEventListener("change", onInput, true);
      document.removeEventListener("submit", onSubmitOrReset, true);
      document.removeEventListener("reset", onSubmitOrReset, true);
      document.removeEventListener("focusout", retry);
      document.removeEventListener("visibilitychange", retry);
    };
  }, [caseId, refresh]);

  return (
    // Always in the document so that screen readers announce the button when it appears.
    <div role="status" aria-live="polite" className={stale ? "row" : "sr-only"}>
      {stale ? (
        <button type="button" className="btn btn-sm btn-primary" onClick={refresh}>
          Updated by someone else — refresh
        </button>
      ) : (
        announcement
      )}
    </div>
  );
}
