"use server";

import { revalidatePath } from "next/cache";
import { acknowledgeAlert, assignAlert, changeAlertStatus } from "@/lib/alerts/data/triage";
import { acknowledgeAlertSchema, assignAlertSchema, changeAlertStatusSchema } from "@/lib/alerts/schema";
import { requireViewer } from "@/lib/auth/viewer";
import type { ActionState } from "@/lib/http/action-state";
import { formDataToObject, toActionState } from "@/lib/http/action-result";

// Each action: resolve the viewer, parse the form with the feature's zod schema, call the data
// function (which checks permissions and writes the audit event), then refresh the pages.

export async function acknowledgeAlertAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const input = acknowledgeAlertSchema.parse(formDataToObject(form));
    await acknowledgeAlert(viewer, input);
    revalidatePath("/alerts", "layout");
    return { ok: true, message: "Alert acknowledged." };
  } catch (error) {
    return toActionState(error);
  }
}

export async function assignAlertAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const fields = formDataToObject(form);
    // The "assign to me" button sends assigneeId=me.
    if (fields.assigneeId === "me") fields.assigneeId = viewer.userId;
    const input = assignAlertSchema.parse(fields);
    await assignAlert(viewer, input);
    revalidatePath("/alerts", "layout");
    return { ok: true, message: input.assigneeId ? "Alert assigned." : "Alert unassigned." };
  } catch (error) {
    return toActionState(error);
  }
}

export async function changeAlertStatusAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const input = changeAlertStatusSchema.parse(formDataToObject(form));
    await changeAlertStatus(viewer, input);
    revalidatePath("/alerts", "layout");
    return { ok: true, message: `Status changed to ${input.status.toLowerCase()}.` };
  } catch (error) {
    return toActionState(error);
  }
}
