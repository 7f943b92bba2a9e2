"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import type { ActionState } from "@/lib/http/action-state";
import { formDataToObject, toActionState } from "@/lib/http/action-result";
import { ConflictError } from "@/lib/http/errors";
import { createNote, deleteNote, updateNote, type NoteRow } from "@/lib/notes/data";
import { createNoteSchema, deleteNoteSchema, updateNoteSchema } from "@/lib/notes/schema";

/** On a conflict, the note as it is now, so the form can show it and re-apply at its version. */
export interface NoteActionState extends ActionState {
  current?: NoteRow;
}

function failed(error: unknown): NoteActionState {
  const state: NoteActionState = toActionState(error);
  if (error instanceof ConflictError && error.current) state.current = error.current as NoteRow;
  return state;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The case id rides along in edit and delete forms only to refresh the right page. */
function takeCaseId(fields: Record<string, string>): string | null {
  const caseId = fields.caseId;
  delete fields.caseId;
  return caseId && UUID.test(caseId) ? caseId : null;
}

export async function createNoteAction(_prev: NoteActionState, form: FormData): Promise<NoteActionState> {
  const viewer = await requireViewer();
  try {
    const input = createNoteSchema.parse(formDataToObject(form));
    await createNote(viewer, input);
    revalidatePath(`/cases/${input.caseId}`, "layout");
    return { ok: true, message: "Note added." };
  } catch (error) {
    return failed(error);
  }
}

export async function updateNoteAction(_prev: NoteActionState, form: FormData): Promise<NoteActionState> {
  const viewer = await requireViewer();
  try {
    const fields = formDataToObject(form);
    const caseId = takeCaseId(fields);
    await updateNote(viewer, updateNoteSchema.parse(fields));
    if (caseId) revalidatePath(`/cases/${caseId}`, "layout");
    return { ok: true, message: "Note saved." };
  } catch (error) {
    return failed(error);
  }
}

export async function deleteNoteAction(_prev: NoteActionState, form: FormData): Promise<NoteActionState> {
  const viewer = await requireViewer();
  try {
    const fields = formDataToObject(form);
    const caseId = takeCaseId(fields);
    await deleteNote(viewer, deleteNoteSchema.parse(fields));
    if (caseId) revalidatePath(`/cases/${caseId}`, "layout");
    return { ok: true, message: "Note deleted." };
  } catch (error) {
    return failed(error);
  }
}
