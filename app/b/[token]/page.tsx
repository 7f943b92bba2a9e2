import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BriefingView } from "@/components/briefings/briefing-view";
import { PrintButton } from "@/components/briefings/print-button";
import { resolveReadLink } from "@/lib/briefings/data/links";
import { formatDateTime } from "@/lib/format";
import styles from "./read-link.module.css";

// A briefing for an outside reader, reached by a time-limited read link. Public: the secret in the
// URL is the only credential; resolveReadLink checks it, records the view and audits it.

export const metadata: Metadata = {
  title: "Briefing",
  robots: { index: false, follow: false, nocache: true },
  referrer: "no-referrer",
};

export const dynamic = "force-dynamic";

export default async function ReadLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const resolved = await resolveReadLink(token);
  // Expired, revoked, unknown and malformed links all look the same (not-found.tsx beside this).
  if (!resolved) notFound();
  return (
    <main id="main" className={styles.page}>
      <div className={`${styles.bar} no-print`}>
        <p className="muted">
          Shared with you by {resolved.snapshot.organisation}. This link expires on{" "}
          <time dateTime={resolved.expiresAt.toISOString()}>{formatDateTime(resolved.expiresAt)}</time>. Do not forward it.
        </p>
        <PrintButton />
      </div>
      <BriefingView snapshot={resolved.snapshot} />
    </main>
  );
}
