"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";

function digestOf(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("digest" in error)) return null;
  return typeof error.digest === "string" ? error.digest : null;
}

// Never shows the message or stack: server errors arrive redacted anyway, and client errors may
// carry data. The digest lets an administrator find the entry in the server log.
export default function AppError({
  error,
  retry,
  reset,
}: {
  error: unknown;
  retry?: () => void;
  reset?: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const digest = digestOf(error);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  // retry() (Next 16.3+) re-fetches the segment's server data as well; reset() only re-renders.
  const tryAgain = retry ?? reset;

  return (
    <div className="page">
      <section className="card error-panel" aria-labelledby="error-title">
        <h1 id="error-title" ref={headingRef} tabIndex={-1}>
          Something went wrong
        </h1>
        <p>
          This page could not be shown. Your work has not been lost; try again, and if the problem
          continues, contact your administrator.
        </p>
        {digest ? (
          <p className="muted">
            Reference: <code>{digest}</code>
          </p>
        ) : null}
        <div className="row">
          {tryAgain ? (
            <button type="button" className="btn btn-primary" onClick={() => tryAgain()}>
              Try again
            </button>
          ) : null}
          <Link href="/" className="btn btn-ghost">
            Go to Overview
          </Link>
        </div>
      </section>
    </div>
  );
}
