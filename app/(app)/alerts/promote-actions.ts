"use server";

import { revalidatePath } from "next/cache";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { listOpenCasesForPromotion, type CaseOption } from "@/lib/cases/data/detail";
import { promoteAlertsToCase } from "@/lib/cases/data/promote";
import { promoteAlertsSchema } from "@/lib/cases/schema";
import type { ActionState } from "@/lib/http/action-state";
import { formDataToObject, toActionState } from "@/lib/http/action-result";

export interface PromoteState extends ActionState {
  /** The case the alerts went to, on success. */
  caseId?: string;
}

export interface PromotionTargets {
  /** False when the viewer's role may not create or extend cases from alerts. */
  allowed: boolean;
  cases: CaseOption[];
}

/** Open cases the promote dialog offers; read when the dialog opens. */
export async function loadPromotionTargetsAction(): Promise<PromotionTargets> {
  const viewer = await requireViewer();
  if (!can(viewer, "case:write") || !can(viewer, "alert:triage")) return { allowed: false, cases: [] };
  return { allowed: true, cases: await listOpenCasesForPromotion(viewer) };
}

export async function promoteAlertsAction(_prev: PromoteState, form: FormData): Promise<PromoteState> {
  const viewer = await requireViewer();
  try {
    // The form is flat; the schema's target is a tagged union. Only known fields are carried.
    const { alertIds = "", target: kind, title = "", severity, tlp, caseId = "" } = formDataToObject(form);
    const target =
      kind === "existing"
        ? { kind, caseId }
        : { kind: "new", title, ...(severity ? { severity } : {}), ...(tlp ? { tlp } : {}) };
    const input = promoteAlertsSchema.parse({ alertIds, target });
    const result = await promoteAlertsToCase(viewer, input);
    revalidatePath("/alerts", "layout");
    revalidatePath("/cases", "layout");
    return { ok: true, caseId: result.caseId, message: result.created ? "Case created." : "Alerts added to the case." };
  } catch (error) {
    return toActionState(error);
  }
}
