"use server";

import { revalidatePath } from "next/cache";
import { deleteSavedView, saveView } from "@/lib/alerts/data/views";
import { deleteSavedViewSchema, saveViewSchema } from "@/lib/alerts/schema";
import { requireViewer } from "@/lib/auth/viewer";
import type { ActionState } from "@/lib/http/action-state";
import { formDataToObject, toActionState } from "@/lib/http/action-result";

// Saved inbox views. Each action: resolve the viewer, parse the form with the feature's zod
// schema, call the data function (which scopes, checks and audits), then refresh the inbox.

export async function saveViewAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const input = saveViewSchema.parse(formDataToObject(form));
    const view = await saveView(viewer, input);
    revalidatePath("/alerts");
    return { ok: true, message: `Saved “${view.name}”${view.shared ? ", shared with your organisation" : ""}.` };
  } catch (error) {
    return toActionState(error);
  }
}

export async function deleteSavedViewAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const input = deleteSavedViewSchema.parse(formDataToObject(form));
    await deleteSavedView(viewer, input.id);
    revalidatePath("/alerts");
    return { ok: true, message: "View deleted." };
  } catch (error) {
    return toActionState(error);
  }
}
