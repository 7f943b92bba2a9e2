import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { getBuilderOptions } from "@/lib/briefings/data/sources";
import { PageHeader } from "@/components/ui/page-header";
import { NewBriefingForm } from "./new-briefing-form";

export const metadata: Metadata = { title: "New briefing" };

export default async function NewBriefingPage() {
  const viewer = await requireViewer();
  if (!can(viewer, "briefing:write")) notFound();
  const { audiences } = await getBuilderOptions(viewer);
  return (
    <div className="page">
      <p><Link href="/briefings">← Briefings</Link></p>
      <PageHeader title="New briefing" description="Choose who it is for and its TLP; add sections next." />
      <NewBriefingForm audiences={audiences} />
    </div>
  );
}
