"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import { createReadLink, revokeReadLink } from "@/lib/briefings/data/links";
import { createReadLinkSchema, revokeReadLinkSchema } from "@/lib/briefings/link-schema";
import type { ActionState } from "@/lib/http/action-state";
import { toActionState } from "@/lib/http/action-result";
import type { CreateReadLinkState } from "./read-link-state";

// Read links for outside readers. The data functions check "briefing:write", the TLP and the
// organisation, and write the audit events; these actions only parse the forms and refresh.

function text(form: FormData, name: string): unknown {
  return form.get(name) ?? undefined;
}

export async function createReadLinkAction(_prev: CreateReadLinkState, form: FormData): Promise<CreateReadLinkState> {
  const viewer = await requireViewer();
  try {
    const input = createReadLinkSchema.parse({ briefingId: text(form, "briefingId"), days: text(form, "days") });
    const { path } = await createReadLink(viewer, input);
    revalidatePath(`/briefings/${input.briefingId}`);
    return { ok: true, message: "Read link created.", path };
  } catch (error) {
    return toActionState(error);
  }
}

export async function revokeReadLinkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const input = revokeReadLinkSchema.parse({ briefingId: text(form, "briefingId"), linkId: text(form, "linkId") });
    await revokeReadLink(viewer, input.briefingId, input.linkId);
    revalidatePath(`/briefings/${input.briefingId}`);
    return { ok: true, message: "Read link revoked." };
  } catch (error) {
    return toActionState(error);
  }
}
