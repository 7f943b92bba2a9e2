import { z } from "zod";
import { ForbiddenError } from "@/lib/auth/permissions";
import type { ActionState } from "./action-state";
import { ConflictError, InvalidStateError, NotFoundError } from "./errors";

export function formDataToObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    // Next.js adds $ACTION_* fields to progressively enhanced forms.
    if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  }
  return out;
}

/** Turns the errors data functions throw on purpose into form state; anything else propagates. */
export function toActionState(error: unknown): ActionState {
  if (error instanceof z.ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) {
      const key = issue.path.join(".") || "form";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return { ok: false, message: "Check the highlighted fields.", fieldErrors };
  }
  if (error instanceof NotFoundError) return { ok: false, message: error.message };
  if (error instanceof ForbiddenError) return { ok: false, message: error.message };
  if (error instanceof InvalidStateError) return { ok: false, message: error.message };
  if (error instanceof ConflictError) return { ok: false, message: error.message, conflict: true };
  throw error;
}
