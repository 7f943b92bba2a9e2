import { Suspense, type ReactNode } from "react";
import { PanelErrorBoundary } from "@/components/ui/panel-error-boundary";
import styles from "./overview.module.css";

export interface OverviewPanelProps {
  id: string;
  title: string;
  /** Controls beside the title (e.g. the 30/90-day toggle). */
  actions?: ReactNode;
  wide?: boolean;
  /** An async server component: it streams in on its own, and fails on its own. */
  children: ReactNode;
}

/** A dashboard panel: heading always shown; the content behind its own Suspense and error boundary. */
export function OverviewPanel({ id, title, actions, wide = false, children }: OverviewPanelProps) {
  return (
    <section className={`card ${styles.panel} ${wide ? styles.wide : ""}`} aria-labelledby={id}>
      <header className={styles.panelHeader}>
        <h2 id={id}>{title}</h2>
        {actions}
      </header>
      <PanelErrorBoundary label={title}>
        <Suspense fallback={<PanelSkeleton label={title} />}>{children}</Suspense>
      </PanelErrorBoundary>
    </section>
  );
}

function PanelSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true">
      <p role="status" className="sr-only">Loading {label.toLowerCase()}…</p>
      <div className={`skeleton ${styles.skeletonBlock}`} aria-hidden="true" />
    </div>
  );
}
