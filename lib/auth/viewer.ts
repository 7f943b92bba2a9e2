import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { resolveSession } from "./data";
import { authOptions } from "./options";
import type { UserViewer } from "./permissions";

/**
 * The signed-in viewer for this request, or null. The JWT only names a session; the session row
 * and the user are checked on every request, so revocation and disabling take effect at once.
 */
export const getViewer = cache(async (): Promise<UserViewer | null> => {
  const session = (await getServerSession(authOptions)) as { sid?: unknown; uid?: unknown } | null;
  if (typeof session?.sid !== "string" || typeof session.uid !== "string") return null;
  return resolveSession(session.sid, session.uid);
});

export async function requireViewer(): Promise<UserViewer> {
  const viewer = await getViewer();
  if (!viewer) {
    // Set by proxy.ts; the login page accepts only same-site relative paths.
    const back = (await headers()).get("x-vigil-path");
    redirect(back && back !== "/" ? `/login?callbackUrl=${encodeURIComponent(back)}` : "/login");
  }
  return viewer;
}
