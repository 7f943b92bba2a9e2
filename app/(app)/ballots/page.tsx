import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Ballots" };

export default async function BallotsPage() {
  await requireViewer();

  return (
    <div className="page">
      <PageHeader title="Ballots" description="Integrity monitoring for party elections." />
      <ComingSoon
        feature="Ballot integrity monitoring"
        description="Watch leadership ballots for anomalies — duplicate or cross-channel votes, security-code guessing, bursts from one network, turnout spikes — without ever seeing a vote's choice."
      />
    </div>
  );
}
