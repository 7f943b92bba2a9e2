"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { createBriefing, updateBriefing } from "@/lib/briefings/data/drafts";
import { publishBriefing } from "@/lib/briefings/data/versions";
import { createBriefingSchema, publishBriefingSchema, sectionsJsonSchema, updateBriefingSchema } from "@/lib/briefings/schema";
import type { ActionState } from "@/lib/http/action-state";
import { formDataToObject, toActionState } from "@/lib/http/action-result";

// Each action: resolve the viewer, parse the form with the briefing schemas, call the data
// function (which checks permissions, TLP rules and versions, and writes the audit event).

export async function createBriefingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  let id: string;
  try {
    const input = createBriefingSchema.parse(formDataToObject(form));
    id = (await createBriefing(viewer, input)).id;
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath("/briefings");
  redirect(`/briefings/${id}`);
}

/** The builder sends the section list as JSON in one field; everything else is plain fields. */
export async function saveBriefingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const { sections, ...fields } = formDataToObject(form);
    const input = updateBriefingSchema.parse({ ...fields, sections: sectionsJsonSchema.parse(sections ?? "[]") });
    await updateBriefing(viewer, input);
    revalidatePath(`/briefings/${input.id}`);
    revalidatePath("/briefings");
    return { ok: true, message: "Draft saved. The preview shows it as it would be published now." };
  } catch (error) {
    return toActionState(error);
  }
}

export async function publishBriefingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const input = publishBriefingSchema.parse(formDataToObject(form));
    const result = await publishBriefing(viewer, input.id, input.version);
    revalidatePath(`/briefings/${input.id}`, "layout");
    revalidatePath("/briefings");
    const left = result.omitted ? ` ${result.omitted} item${result.omitted === 1 ? "" : "s"} left out above the TLP.` : "";
    return { ok: true, message: `Published as version ${result.number}.${left}` };
  } catch (error) {
    return toActionState(error);
  }
}
