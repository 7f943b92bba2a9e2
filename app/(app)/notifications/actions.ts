"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/viewer";
import { formDataToObject } from "@/lib/http/action-result";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/data";
import { markNotificationReadSchema } from "@/lib/notifications/schema";

// Plain form actions: marking one's own notifications read has nothing to report back. A bad or
// foreign id is simply not found and changes nothing.

export async function markNotificationReadAction(form: FormData): Promise<void> {
  const viewer = await requireViewer();
  const parsed = markNotificationReadSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return;
  await markNotificationRead(viewer, parsed.data).catch(() => {});
  revalidatePath("/", "layout");
}

export async function markAllNotificationsReadAction(): Promise<void> {
  const viewer = await requireViewer();
  await markAllNotificationsRead(viewer);
  revalidatePath("/", "layout");
}
