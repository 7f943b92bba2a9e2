"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton() {
  const [pending, setPending] = useState(false);

  async function handleClick() {
    setPending(true);
    try {
      // next-auth revokes the session row (events.signOut) before redirecting.
      await signOut({ callbackUrl: "/login" });
    } catch {
      setPending(false);
    }
  }

  return (
    <button
      type="button"
      className="btn btn-ghost btn-sm btn-block"
      onClick={handleClick}
      disabled={pending}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
