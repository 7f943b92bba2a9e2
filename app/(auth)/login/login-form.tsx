"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";

export type LoginError = "invalid" | "throttled" | "unavailable";

// Generic on purpose: never says whether the e-mail address has an account.
const MESSAGES: Record<LoginError, string> = {
  invalid: "E-mail address or password is incorrect.",
  throttled: "Too many sign-in attempts. Wait 15 minutes and try again.",
  unavailable: "Vigil could not be reached. Check your connection and try again.",
};

export function LoginForm({
  callbackUrl,
  initialError = null,
}: {
  /** Already checked by the page to be a same-site path. */
  callbackUrl: string;
  initialError?: LoginError | null;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<LoginError | null>(initialError);
  // Re-mounts the alert on every failure so screen readers announce a repeated message again.
  const [attempt, setAttempt] = useState(0);
  const passwordRef = useRef<HTMLInputElement>(null);

  function fail(reason: LoginError) {
    setError(reason);
    setAttempt((n) => n + 1);
    setPending(false);
    if (passwordRef.current) {
      passwordRef.current.value = "";
      passwordRef.current.focus();
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setPending(true);
    setError(null);
    try {
      const res = await signIn("credentials", { email, password, redirect: false });
      if (!res || res.error || !res.ok) {
        fail(res?.error === "TooManyAttempts" ? "throttled" : "invalid");
        return;
      }
      // Stays pending while the signed-in page loads.
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      fail("unavailable");
    }
  }

  return (
    // method="post": should the form ever submit before hydration, the password stays out of the URL.
    <form method="post" className="stack" onSubmit={handleSubmit}>
      {error ? (
        <p key={attempt} id="login-error" role="alert" className="notice notice-error">
          {MESSAGES[error]}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="login-email">E-mail address</label>
        <input
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={254}
          autoFocus
        />
      </div>
      <div className="field">
        <label htmlFor="login-password">Password</label>
        <input
          ref={passwordRef}
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1024}
        />
      </div>
      <button type="submit" className="btn btn-primary btn-block" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
