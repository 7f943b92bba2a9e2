import type { TaskStatus } from "@/lib/db/generated/enums";
import { londonDate, startOfLondonDate } from "@/lib/alerts/london-time";

// Due dates are UK calendar days, stored as the instant that day starts in London. Pure logic.

export function dueDateToInstant(date: string): Date {
  return startOfLondonDate(date);
}

/** The UK calendar day ("yyyy-mm-dd") a stored due instant names. */
export function dueInstantToDate(instant: Date): string {
  return londonDate(instant);
}

/** Overdue once the UK day after the due date has begun, unless the task is done. */
export function isOverdue(dueAt: Date | null, status: TaskStatus, now: Date): boolean {
  if (!dueAt || status === "DONE") return false;
  return londonDate(now) > londonDate(dueAt);
}
