"use server";

import { revalidatePath } from "next/cache";
import { bulkAssignAlerts, bulkChangeAlertStatus, mergeAlerts } from "@/lib/alerts/data/bulk";
import { bulkAssignAlertsSchema, bulkChangeAlertStatusSchema, mergeAlertsSchema } from "@/lib/alerts/schema";
import { requireViewer } from "@/lib/auth/viewer";
import type { ActionState } from "@/lib/http/action-state";
import { formDataToObject, toActionState } from "@/lib/http/action-result";

// Server actions for the inbox selection. Alert ids travel as one comma-separated field; the
// schemas split, check and cap them, and the data functions do all or nothing.

const count = (n: number) => (n === 1 ? "1 alert" : `${n} alerts`);

export async function bulkAssignAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const fields = formDataToObject(form);
    // "Assign to me" (the button and the `a` key) sends assigneeId=me.
    const toMe = fields.assigneeId === "me";
    if (toMe) fields.assigneeId = viewer.userId;
    const input = bulkAssignAlertsSchema.parse(fields);
    const { alertIds } = await bulkAssignAlerts(viewer, input);
    revalidatePath("/alerts", "layout");
    const what = count(alertIds.length);
    return { ok: true, message: input.assigneeId ? `${what} assigned${toMe || input.assigneeId === viewer.userId ? " to you" : ""}.` : `${what} unassigned.` };
  } catch (error) {
    return toActionState(error);
  }
}

export async function bulkChangeStatusAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const input = bulkChangeAlertStatusSchema.parse(formDataToObject(form));
    const { alertIds } = await bulkChangeAlertStatus(viewer, input);
    revalidatePath("/alerts", "layout");
    return { ok: true, message: `${count(alertIds.length)} now ${input.status.toLowerCase()}.` };
  } catch (error) {
    return toActionState(error);
  }
}

export async function mergeAlertsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const input = mergeAlertsSchema.parse(formDataToObject(form));
    await mergeAlerts(viewer, input);
    revalidatePath("/alerts", "layout");
    return { ok: true, message: `${count(input.duplicateIds.length)} merged into the primary alert.` };
  } catch (error) {
    return toActionState(error);
  }
}
