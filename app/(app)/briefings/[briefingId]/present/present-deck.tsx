"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { formatElapsed, slideKeyAction } from "@/lib/briefings/present";
import styles from "./present.module.css";

export interface PresentDeckProps {
  /** One rendered slide per entry; 0 is the cover. */
  slides: ReactNode[];
  /** The slide titles, for the live announcement. */
  titles: string[];
  title: string;
  version: number;
  backHref: string;
}

const timeOfDay = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** Keys that keep their own meaning where they land: typing in a field, Space on a button or link. */
function keepsOwnMeaning(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest("input, textarea, select, [contenteditable='true']")) return key !== "Escape";
  return key === " " && !!target.closest("button, summary, a");
}

export function PresentDeck({ slides, titles, title, version, backHref }: PresentDeckProps) {
  const router = useRouter();
  const deckRef = useRef<HTMLDivElement>(null);
  const slideRef = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState(0);
  const [fullscreen, setFullscreen] = useState(false);
  const [clock, setClock] = useState<{ start: number; now: number } | null>(null);
  const count = slides.length;

  // Presenter clock: starts when the deck opens; rendered after mount only (no hydration mismatch).
  useEffect(() => {
    const start = Date.now();
    const tick = () => setClock({ start, now: Date.now() });
    const first = setTimeout(tick, 0);
    const id = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, []);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === deckRef.current);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void deckRef.current?.requestFullscreen?.().catch(() => {});
  }, []);

  const go = useCallback((next: number) => {
    setIndex(Math.min(count - 1, Math.max(0, next)));
  }, [count]);

  // Focus follows the slide, so a screen reader and the keyboard start from the slide just shown.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      deckRef.current?.focus();
      return;
    }
    slideRef.current?.focus({ preventScroll: true });
  }, [index]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (keepsOwnMeaning(event.target, event.key)) return;
      const action = slideKeyAction(event.key, index, count);
      if (!action) return;
      event.preventDefault();
      if (action.kind === "go") go(action.index);
      else if (action.kind === "fullscreen") toggleFullscreen();
      // In full screen the browser itself leaves full screen on Esc; otherwise Esc leaves the deck.
      else if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
      else router.push(backHref);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [index, count, go, toggleFullscreen, router, backHref]);

  const announcement = `Slide ${index + 1} of ${count}: ${titles[index] ?? ""}`;

  return (
    <div ref={deckRef} className={styles.deck} tabIndex={-1} role="region" aria-roledescription="slide deck" aria-label={`${title}, version ${version}`}>
      <div
        ref={slideRef}
        className={styles.stage}
        tabIndex={-1}
        role="group"
        aria-roledescription="slide"
        aria-label={`${index + 1} of ${count}`}
      >
        {slides[index]}
      </div>
      <div className={styles.controls}>
        <div className={styles.clock} aria-label="Presenter clock">
          <span title="Elapsed">
            <span className="sr-only">Elapsed </span>
            <time>{clock ? formatElapsed(clock.now - clock.start) : "00:00"}</time>
          </span>
          <span title="Time of day">
            <span className="sr-only">Time </span>
            <time>{clock ? timeOfDay.format(clock.now) : "--:--"}</time>
          </span>
        </div>
        <div className={styles.nav}>
          <button type="button" className="btn btn-sm" onClick={() => go(index - 1)} disabled={index === 0}>
            <span aria-hidden="true">←</span> Previous
          </button>
          <span className={styles.counter} data-testid="slide-counter">
            <span className="sr-only">Slide </span>
            {index + 1} / {count}
          </span>
          <button type="button" className="btn btn-sm" onClick={() => go(index + 1)} disabled={index === count - 1}>
            Next <span aria-hidden="true">→</span>
          </button>
        </div>
        <div className={styles.nav}>
          <button type="button" className="btn btn-sm" onClick={toggleFullscreen} aria-pressed={fullscreen} aria-keyshortcuts="f">
            Full screen
          </button>
          <Link href={backHref} className="btn btn-sm" aria-keyshortcuts="Escape">
            Exit
          </Link>
        </div>
      </div>
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      <p className={styles.hint}>← → Space, Home/End · f full screen · Esc exit</p>
    </div>
  );
}
