import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { requireViewer } from "@/lib/auth/viewer";
import { getCase, type CaseDetail } from "@/lib/cases/data/detail";
import { NotFoundError } from "@/lib/http/errors";

/**
 * The case for this request, shared by the layout, its metadata and the overview tab: one read,
 * so one "case.view" audit event per page view by an outside organisation.
 */
export const loadCase = cache(async (caseId: string): Promise<CaseDetail> => {
  const viewer = await requireViewer();
  if (!z.uuid().safeParse(caseId).success) notFound();
  try {
    return await getCase(viewer, caseId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});
