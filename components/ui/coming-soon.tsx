import Link from "next/link";
import type { ReactNode } from "react";

export interface ComingSoonProps {
  /** What the finished page will be, e.g. "Case workspaces". */
  feature: string;
  /** One line about what it will do. */
  description: ReactNode;
  children?: ReactNode;
}

export function ComingSoon({ feature, description, children }: ComingSoonProps) {
  return (
    <section className="card coming-soon">
      <p className="coming-soon-tag">Coming in a later release</p>
      <h2 className="coming-soon-title">{feature}</h2>
      <p className="coming-soon-text">{description}</p>
      {children}
      <p className="coming-soon-links">
        <Link href="/alerts">Go to the Alerts inbox</Link>
        <Link href="/">Back to Overview</Link>
      </p>
    </section>
  );
}
