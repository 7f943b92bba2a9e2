"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import type { ActionState } from "@/lib/http/action-state";
import { formDataToObject, toActionState } from "@/lib/http/action-result";
import type { CsvRowError } from "@/lib/timeline/csv";
import { addEventsFromAlerts, importTimelineCsv } from "@/lib/timeline/data/bulk";
import { addTimelineEvent, deleteTimelineEvent, updateTimelineEvent } from "@/lib/timeline/data/write";
import {
  addEventsFromAlertsSchema, addTimelineEventSchema, CSV_IMPORT_MAX_BYTES, deleteTimelineEventSchema, importTimelineCsvSchema,
  updateTimelineEventSchema,
} from "@/lib/timeline/schema";

// Timeline actions: resolve the viewer, parse the form with lib/timeline/schema.ts, call the data
// function (which checks access, TLP and versions and writes the audit event), refresh the case.

/** Repeated fields (checkboxes, multi-selects) as one comma-separated value, as the schemas read them. */
function fieldsWithLists(form: FormData, lists: readonly string[]): Record<string, string> {
  const fields = formDataToObject(form);
  for (const name of lists) {
    const values = form.getAll(name).filter((v): v is string => typeof v === "string" && v !== "");
    if (values.length) fields[name] = values.join(",");
    else delete fields[name];
  }
  return fields;
}

function refresh(caseId: unknown): void {
  if (typeof caseId === "string" && /^[0-9a-f-]{36}$/i.test(caseId)) revalidatePath(`/cases/${caseId}`, "layout");
}

export async function addTimelineEventAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const input = addTimelineEventSchema.parse(fieldsWithLists(form, ["entityIds"]));
    await addTimelineEvent(viewer, input);
    refresh(input.caseId);
    return { ok: true, message: "Event added." };
  } catch (error) {
    return toActionState(error);
  }
}

export async function updateTimelineEventAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const input = updateTimelineEventSchema.parse(fieldsWithLists(form, ["entityIds"]));
    await updateTimelineEvent(viewer, input);
    refresh(input.caseId);
    return { ok: true, message: "Event saved." };
  } catch (error) {
    return toActionState(error);
  }
}

export async function deleteTimelineEventAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const input = deleteTimelineEventSchema.parse(formDataToObject(form));
    await deleteTimelineEvent(viewer, input);
    refresh(input.caseId);
    return { ok: true, message: "Event deleted." };
  } catch (error) {
    return toActionState(error);
  }
}

export async function addEventsFromAlertsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await requireViewer();
  try {
    const input = addEventsFromAlertsSchema.parse(fieldsWithLists(form, ["alertIds"]));
    const { added, skipped } = await addEventsFromAlerts(viewer, input);
    refresh(input.caseId);
    return { ok: true, message: `${added} event${added === 1 ? "" : "s"} added${skipped ? `; ${skipped} already on the timeline` : ""}.` };
  } catch (error) {
    return toActionState(error);
  }
}

export interface ImportActionState extends ActionState {
  imported?: number;
  total?: number;
  rowErrors?: CsvRowError[];
}

export async function importTimelineCsvAction(_prev: ImportActionState, form: FormData): Promise<ImportActionState> {
  const viewer = await requireViewer();
  try {
    const fields = formDataToObject(form);
    const file = form.get("file");
    if (file instanceof File && file.size > 0) {
      if (file.size > CSV_IMPORT_MAX_BYTES) return { ok: false, message: `The file is over ${CSV_IMPORT_MAX_BYTES / 1_000_000} MB; split it.` };
      fields.csv = await file.text();
    }
    const input = importTimelineCsvSchema.parse({ caseId: fields.caseId, csv: fields.csv });
    const result = await importTimelineCsv(viewer, input.caseId, input.csv);
    if (result.errors.length) {
      return {
        ok: false, total: result.total, imported: 0, rowErrors: result.errors.slice(0, 500),
        message: `Nothing imported: ${result.errors.length} problem${result.errors.length === 1 ? "" : "s"} in ${result.total} row${result.total === 1 ? "" : "s"}. Fix them and import the file again.`,
      };
    }
    refresh(input.caseId);
    return { ok: true, imported: result.imported, total: result.total, message: `Imported ${result.imported} event${result.imported === 1 ? "" : "s"}.` };
  } catch (error) {
    return toActionState(error);
  }
}
