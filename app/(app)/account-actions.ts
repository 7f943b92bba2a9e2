"use server";

import { redirect } from "next/navigation";
import { revokeAllSessions } from "@/lib/auth/data";
import { requireViewer } from "@/lib/auth/viewer";

/** Ends every session of the signed-in user, on every device (e.g. after a lost laptop). */
export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await requireViewer();
  await revokeAllSessions(viewer);
  redirect("/login");
}
