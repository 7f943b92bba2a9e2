import { z } from "zod";
import { TaskStatus } from "@/lib/db/generated/enums";

export const TASK_TITLE_MAX = 300;

const uuid = z.uuid("Not a valid id");
const version = z.coerce.number("Missing version").int().min(1).max(2_147_483_647);

const title = z
  .string("Give the task a title")
  .trim()
  .min(2, "Give the task a title (at least 2 characters)")
  .max(TASK_TITLE_MAX, `Keep the title under ${TASK_TITLE_MAX} characters`);

// Form fields: an empty select or date input means "nobody" / "no due date".
const assigneeId = z
  .union([z.literal(""), uuid], "Choose an assignee")
  .transform((v) => v || null);

/** A due date is a UK calendar day ("2026-03-25"); the task is overdue from the next UK day. */
const dueDate = z
  .union([z.literal(""), z.iso.date("Use a date like 2026-03-25")], "Use a date like 2026-03-25")
  .refine((v) => v === "" || (v >= "2000-01-01" && v <= "2100-12-31"), "Choose a date between 2000 and 2100")
  .transform((v) => v || null);

export const createTaskSchema = z.strictObject({
  caseId: uuid,
  title,
  assigneeId: assigneeId.optional().transform((v) => v ?? null),
  dueDate: dueDate.optional().transform((v) => v ?? null),
});

/** Changes only the fields present; the version is the one the user saw. */
export const updateTaskSchema = z
  .strictObject({
    taskId: uuid,
    version,
    title: title.optional(),
    status: z.enum(TaskStatus, "Choose a status").optional(),
    assigneeId: assigneeId.optional(),
    dueDate: dueDate.optional(),
  })
  .refine(
    (v) => v.title !== undefined || v.status !== undefined || v.assigneeId !== undefined || v.dueDate !== undefined,
    { message: "Nothing to change", path: ["form"] },
  );

export const deleteTaskSchema = z.strictObject({ taskId: uuid, version });

export type CreateTaskInput = z.infer<typeof createTaskSchema>;
export type UpdateTaskInput = z.infer<typeof updateTaskSchema>;
export type DeleteTaskInput = z.infer<typeof deleteTaskSchema>;
