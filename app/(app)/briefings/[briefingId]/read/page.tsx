import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { getBriefingVersion } from "@/lib/briefings/data/versions";
import { NotFoundError } from "@/lib/http/errors";
import { BriefingView } from "@/components/briefings/briefing-view";
import { PrintButton } from "@/components/briefings/print-button";

export const metadata: Metadata = { title: "Briefing" };

type Params = Promise<{ briefingId: string }>;
type Search = Promise<{ version?: string }>;

// A published version for signed-in readers: the owning organisation, and the audience
// organisation (published versions only; each read is audited in the owner's trail).
export default async function ReadBriefingPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const viewer = await requireViewer();
  const { briefingId } = await params;
  const { version } = await searchParams;
  const number = version && /^\d{1,6}$/.test(version) ? Number(version) : undefined;
  let view;
  try {
    view = await getBriefingVersion(viewer, briefingId, number);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  return (
    <div className="page">
      <p className="row">
        <Link href={view.own ? `/briefings/${view.briefingId}` : "/briefings"}>← {view.own ? "Builder" : "Briefings"}</Link>
        <Link href={`/briefings/${view.briefingId}/present`}>Present</Link>
        <PrintButton />
      </p>
      {view.number !== view.latestNumber ? (
        <p className="notice" role="note">
          Version {view.number} was superseded. <Link href={`/briefings/${view.briefingId}/read?version=${view.latestNumber}`}>Read version {view.latestNumber}</Link>
        </p>
      ) : null}
      <BriefingView snapshot={view.snapshot} />
    </div>
  );
}
