import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Briefings" };

export default async function BriefingsPage() {
  await requireViewer();

  return (
    <div className="page">
      <PageHeader title="Briefings" description="Briefings for leadership and the task force." />
      <ComingSoon
        feature="Briefing builder"
        description="Build briefings in the browser from cases and timelines, then show them full-screen in present mode."
      />
    </div>
  );
}
