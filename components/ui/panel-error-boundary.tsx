"use client";

import { Component, startTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";

interface BoundaryProps {
  children: ReactNode;
  /** What failed, for the message ("Open alerts by severity"). */
  label: string;
  onRetry: () => void;
}

/** Next's redirect() and notFound() travel as errors with these digests: never swallow them. */
function isNavigationError(error: unknown): boolean {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : "";
  return digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND";
}

class Boundary extends Component<BoundaryProps, { error: unknown }> {
  state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (isNavigationError(error)) throw error;
    // The message is never shown: server errors arrive redacted, client ones may carry data.
    return (
      <div className="notice notice-error" role="alert">
        <p>{this.props.label} could not be loaded. The rest of the page is unaffected.</p>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => {
            this.props.onRetry();
            this.setState({ error: null });
          }}
        >
          Try again
        </button>
      </div>
    );
  }
}

/**
 * Contains a failure to one part of a page (one dashboard panel), so that the rest still renders.
 * "Try again" re-fetches the server data and re-renders the part.
 */
export function PanelErrorBoundary({ label, children }: { label: string; children: ReactNode }) {
  const router = useRouter();
  return (
    <Boundary label={label} onRetry={() => startTransition(() => router.refresh())}>
      {children}
    </Boundary>
  );
}
