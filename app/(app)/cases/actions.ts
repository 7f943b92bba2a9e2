"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";
import { addCaseMember, removeCaseMember } from "@/lib/cases/data/members";
import { changeCaseStatus, createCase, updateCase, type CaseEditable } from "@/lib/cases/data/mutate";
import { shareCase, unshareCase } from "@/lib/cases/data/share";
import {
  caseMemberSchema, caseShareSchema, changeCaseStatusSchema, createCaseSchema, updateCaseSchema,
} from "@/lib/cases/schema";
import type { ActionState } from "@/lib/http/action-state";
import { formDataToObject, toActionState } from "@/lib/http/action-result";
import { ConflictError } from "@/lib/http/errors";

// Each action: resolve the viewer, parse the form with the feature's zod schema, call the data
// function (which checks permissions and writes the audit event), then refresh the case pages.

/** Edit form state: on a conflict, the case as it now stands and what the user submitted. */
export interface CaseEditState extends ActionState {
  current?: Pick<CaseEditable, "title" | "summary" | "severity" | "tlp" | "tags" | "version">;
  submitted?: Record<string, string>;
}

function refresh(caseId?: string) {
  revalidatePath("/cases");
  if (caseId) revalidatePath(`/cases/${caseId}`, "layout");
}

export async function createCaseAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  let id: string;
  try {
    ({ id } = await createCase(viewer, createCaseSchema.parse(formDataToObject(form))));
  } catch (error) {
    return toActionState(error);
  }
  refresh();
  redirect(`/cases/${id}`);
}

export async function updateCaseAction(_prev: CaseEditState, form: FormData): Promise<CaseEditState> {
  const viewer = await requireViewer();
  const fields = formDataToObject(form);
  try {
    const input = updateCaseSchema.parse(fields);
    await updateCase(viewer, input);
    refresh(input.caseId);
    return { ok: true, message: "Case saved." };
  } catch (error) {
    if (error instanceof ConflictError && error.current) {
      const c = error.current as CaseEditable;
      return {
        ok: false, conflict: true, message: error.message, submitted: fields,
        current: { title: c.title, summary: c.summary, severity: c.severity, tlp: c.tlp, tags: c.tags, version: c.version },
      };
    }
    return toActionState(error);
  }
}

export async function changeCaseStatusAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const input = changeCaseStatusSchema.parse(formDataToObject(form));
    const result = await changeCaseStatus(viewer, input);
    refresh(input.caseId);
    return { ok: true, message: `Case is now ${result.status.toLowerCase()}.` };
  } catch (error) {
    return toActionState(error);
  }
}

export async function addCaseMemberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const input = caseMemberSchema.parse(formDataToObject(form));
    await addCaseMember(viewer, input);
    refresh(input.caseId);
    return { ok: true, message: "Member added." };
  } catch (error) {
    return toActionState(error);
  }
}

export async function removeCaseMemberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const input = caseMemberSchema.parse(formDataToObject(form));
    await removeCaseMember(viewer, input);
    refresh(input.caseId);
    return { ok: true, message: "Member removed." };
  } catch (error) {
    return toActionState(error);
  }
}

export async function shareCaseAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const input = caseShareSchema.parse(formDataToObject(form));
    await shareCase(viewer, input);
    refresh(input.caseId);
    return { ok: true, message: "Shared read-only." };
  } catch (error) {
    return toActionState(error);
  }
}

export async function unshareCaseAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const input = caseShareSchema.parse(formDataToObject(form));
    await unshareCase(viewer, input);
    refresh(input.caseId);
    return { ok: true, message: "No longer shared. They lose access on their next request." };
  } catch (error) {
    return toActionState(error);
  }
}
