import type { ReactNode } from "react";

export interface EmptyStateProps {
  title: ReactNode;
  /** A line of explanation and, usually, a way forward (a link or a button). */
  children?: ReactNode;
}

export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      {children ? <div className="empty-state-body">{children}</div> : null}
    </div>
  );
}
