import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Advisories" };

export default async function AdvisoriesPage() {
  await requireViewer();

  return (
    <div className="page">
      <PageHeader title="Advisories" description="NCSC guidance and the actions it asks for." />
      <ComingSoon
        feature="Security advisories"
        description="Track NCSC advisories and guidance, with the recommended actions assigned, followed up and recorded as done."
      />
    </div>
  );
}
