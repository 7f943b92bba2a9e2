import { inject } from "vitest";

// What the e2e global setup shares with the test files (vitest provide/inject).
export interface E2eContext {
  /** http://127.0.0.1:<port> of the `next start` server, or "" when e2e is skipped. */
  baseURL: string;
  /** The Chromium executable, or "" when e2e is skipped. */
  chromiumPath: string;
  /** Why the e2e tests are skipped (e.g. no Chromium on this machine); null when they run. */
  skipReason: string | null;
}

declare module "vitest" {
  export interface ProvidedContext {
    vigilE2e: E2eContext;
  }
}

export function e2eContext(): E2eContext {
  return inject("vigilE2e");
}
