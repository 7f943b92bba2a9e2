import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Cases" };

export default async function CasesPage() {
  await requireViewer();

  return (
    <div className="page">
      <PageHeader title="Cases" description="Investigations grown from alerts." />
      <ComingSoon
        feature="Case workspaces"
        description="A shared workspace for each case — alerts, tasks, notes and an incident timeline — that can be shared, read-only and TLP-filtered, with the government task force."
      />
    </div>
  );
}
