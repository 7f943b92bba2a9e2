import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { BriefingSlide } from "@/components/briefings/briefing-view";
import { requireViewer } from "@/lib/auth/viewer";
import { getBriefingVersion, type BriefingVersionView } from "@/lib/briefings/data/versions";
import { slideCount } from "@/lib/briefings/present";
import { NotFoundError } from "@/lib/http/errors";
import { PresentDeck } from "./present-deck";

export const metadata: Metadata = { title: "Present briefing" };

const paramsSchema = z.strictObject({ briefingId: z.uuid() });
const searchSchema = z.object({ version: z.coerce.number().int().min(1).max(100_000).optional() });

export default async function PresentBriefingPage({
  params,
  searchParams,
}: {
  params: Promise<{ briefingId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer();
  const parsedParams = paramsSchema.safeParse(await params);
  const parsedSearch = searchSchema.safeParse(await searchParams);
  if (!parsedParams.success || !parsedSearch.success) notFound();
  const { briefingId } = parsedParams.data;

  let view: BriefingVersionView;
  try {
    // Authorised (owner or audience organisation) and audited in the data layer.
    view = await getBriefingVersion(viewer, briefingId, parsedSearch.data.version);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { snapshot } = view;
  const count = slideCount(snapshot.sections);
  const slides = Array.from({ length: count }, (_, i) => <BriefingSlide key={i} snapshot={snapshot} index={i} />);
  const titles = [snapshot.title, ...snapshot.sections.map((s) => s.title)];

  return (
    <PresentDeck
      slides={slides}
      titles={titles}
      title={snapshot.title}
      version={view.number}
      backHref={`/briefings/${briefingId}${view.number !== view.latestNumber ? `?version=${view.number}` : ""}`}
    />
  );
}
