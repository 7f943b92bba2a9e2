import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Vetting" };

export default async function VettingPage() {
  const viewer = await requireViewer();
  // Not found rather than forbidden: the page does not exist for roles without the capability.
  if (!can(viewer, "vetting:read")) notFound();

  return (
    <div className="page">
      <PageHeader title="Vetting" description="Screening of candidates, donors and staff." />
      <ComingSoon
        feature="Vetting and screening"
        description="Screen candidates, donors and staff against the UK Sanctions List, and check donation permissibility under PPERA within the 30-day window."
      />
    </div>
  );
}
