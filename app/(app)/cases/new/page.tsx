import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { visibleTlps } from "@/lib/cases/rules";
import { PageHeader } from "@/components/ui/page-header";
import { NewCaseForm } from "./new-case-form";

export const metadata: Metadata = { title: "New case" };

export default async function NewCasePage() {
  const viewer = await requireViewer();
  if (!can(viewer, "case:write")) notFound();
  // The creator becomes a member, so RED is open to them whatever their clearance.
  const tlps = visibleTlps(viewer.clearance, { ownOrganisation: true, member: true });

  return (
    <div className="page">
      <p><Link href="/cases">← Cases</Link></p>
      <PageHeader title="New case" description="You will own the case and be its first member." />
      <NewCaseForm tlps={tlps} />
    </div>
  );
}
