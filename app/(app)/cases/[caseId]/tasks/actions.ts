"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import type { ActionState } from "@/lib/http/action-state";
import { formDataToObject, toActionState } from "@/lib/http/action-result";
import { ConflictError } from "@/lib/http/errors";
import { createTask, deleteTask, updateTask, type TaskRow } from "@/lib/tasks/data";
import { createTaskSchema, deleteTaskSchema, updateTaskSchema } from "@/lib/tasks/schema";

/** On a conflict, the task as it is now, so the form can show it and re-apply at its version. */
export interface TaskActionState extends ActionState {
  current?: TaskRow;
}

function failed(error: unknown): TaskActionState {
  const state: TaskActionState = toActionState(error);
  if (error instanceof ConflictError && error.current) state.current = error.current as TaskRow;
  return state;
}

export async function createTaskAction(_prev: TaskActionState, form: FormData): Promise<TaskActionState> {
  const viewer = await requireViewer();
  try {
    const input = createTaskSchema.parse(formDataToObject(form));
    await createTask(viewer, input);
    revalidatePath(`/cases/${input.caseId}`, "layout");
    return { ok: true, message: "Task added." };
  } catch (error) {
    return failed(error);
  }
}

export async function updateTaskAction(_prev: TaskActionState, form: FormData): Promise<TaskActionState> {
  const viewer = await requireViewer();
  try {
    const input = updateTaskSchema.parse(formDataToObject(form));
    const task = await updateTask(viewer, input);
    revalidatePath(`/cases/${task.caseId}`, "layout");
    return { ok: true, message: "Task saved." };
  } catch (error) {
    return failed(error);
  }
}

export async function deleteTaskAction(_prev: TaskActionState, form: FormData): Promise<TaskActionState> {
  const viewer = await requireViewer();
  try {
    const fields = formDataToObject(form);
    const caseId = fields.caseId;
    delete fields.caseId;
    await deleteTask(viewer, deleteTaskSchema.parse(fields));
    if (caseId && /^[0-9a-f-]{36}$/i.test(caseId)) revalidatePath(`/cases/${caseId}`, "layout");
    return { ok: true, message: "Task deleted." };
  } catch (error) {
    return failed(error);
  }
}
