"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import type { ActionState } from "@/lib/http/action-state";
import { toActionState } from "@/lib/http/action-result";
import { createApiToken, revokeApiToken } from "@/lib/tokens/data";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/tokens/schema";
import type { CreateTokenState } from "./create-token-state";

// API token administration. The data functions check "admin:users" and write the audit events;
// these actions only parse the forms and refresh the page.

/** A form field as a string; a file upload where text is expected is simply invalid. */
function text(form: FormData, name: string): unknown {
  return form.get(name) ?? undefined;
}

export async function createApiTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const viewer = await requireViewer();
  try {
    // Built field by field: checkboxes repeat "capabilities", which formDataToObject would collapse.
    const input = createApiTokenSchema(viewer.clearance).parse({
      name: text(form, "name"),
      capabilities: form.getAll("capabilities"),
      clearance: text(form, "clearance"),
      expiresInDays: text(form, "expiresInDays"),
    });
    const { token, secret } = await createApiToken(viewer, input);
    revalidatePath("/admin");
    return { ok: true, message: `Token “${token.name}” created.`, secret, tokenName: token.name };
  } catch (error) {
    return toActionState(error);
  }
}

export async function revokeApiTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const input = revokeApiTokenSchema.parse({ tokenId: text(form, "tokenId") });
    await revokeApiToken(viewer, input.tokenId);
    revalidatePath("/admin");
    return { ok: true, message: "Token revoked." };
  } catch (error) {
    return toActionState(error);
  }
}
