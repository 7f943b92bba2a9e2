import type { Metadata } from "next";
import { BrandMark } from "@/components/shell/brand-mark";

export const metadata: Metadata = { title: "Link not available", robots: { index: false, follow: false } };

// One page for every refused link, so a reader cannot tell an expired link from a revoked or a
// made-up one.
export default function ReadLinkNotFound() {
  return (
    <main id="main" className="centered-page">
      <div className="card centered-card">
        <p className="centered-brand">
          <BrandMark size={20} /> Vigil
        </p>
        <h1>This link has expired or been revoked</h1>
        <p className="muted">Ask the person who shared the briefing with you for a new link.</p>
      </div>
    </main>
  );
}
