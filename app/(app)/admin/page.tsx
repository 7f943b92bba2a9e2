import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const viewer = await requireViewer();
  // Not found rather than forbidden: the page does not exist for roles without the capability.
  if (!can(viewer, "admin:users")) notFound();

  return (
    <div className="page">
      <PageHeader title="Admin" description="Users, API tokens and audit." />
      <ComingSoon
        feature="Administration"
        description="Manage users and roles, issue and revoke API tokens for ingestion and exports, and review the audit log."
      />
    </div>
  );
}
