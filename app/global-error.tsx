"use client";

import "./globals.css";

function digestOf(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("digest" in error)) return null;
  return typeof error.digest === "string" ? error.digest : null;
}

// Replaces the root layout when it fails, so it brings its own document. The theme cookie is not
// available here; the page follows the system colour scheme.
export default function GlobalError({
  error,
  retry,
  reset,
}: {
  error: unknown;
  retry?: () => void;
  reset?: () => void;
}) {
  const digest = digestOf(error);
  const tryAgain = retry ?? reset;
  return (
    <html lang="en-GB">
      <body>
        <title>Error · Vigil</title>
        <main id="main" className="centered-page">
          <div className="card centered-card">
            <h1>Vigil is unavailable</h1>
            <p>Something went wrong while loading the application. Try again in a moment.</p>
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
              {/* A full page load on purpose: the client router may be what failed. */}
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
              <a href="/" className="btn btn-ghost">
                Reload Vigil
              </a>
            </div>
          </div>
        </main>
      </body>
    </html>
  );
}
