import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BrandMark } from "@/components/shell/brand-mark";
import { getViewer } from "@/lib/auth/viewer";
import { LoginForm, type LoginError } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Where to go after signing in: a same-site path only ("/alerts?x=1"), never "//host",
 * "/\host", an absolute URL or anything with control characters — otherwise "/".
 */
function safeCallbackUrl(raw: string | undefined): string {
  if (!raw || raw.length > 2048 || !raw.startsWith("/")) return "/";
  if (raw.startsWith("//") || raw.startsWith("/\\") || /[\u0000-\u001f\u007f\\]/.test(raw)) return "/";
  const base = "http://vigil.invalid";
  const url = new URL(raw, base);
  if (url.origin !== base || url.pathname === "/login") return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

// next-auth sends failed non-JavaScript sign-ins back here with ?error=<code>.
function errorFromQuery(code: string | undefined): LoginError | null {
  if (code === "TooManyAttempts") return "throttled";
  if (code === "CredentialsSignin") return "invalid";
  return null;
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (await getViewer()) redirect(callbackUrl);

  return (
    <main id="main" className="centered-page auth-page">
      <div className="auth-panel">
        <div className="auth-brand">
          <BrandMark size={32} />
          <div>
            <p className="auth-product">Vigil</p>
            <p className="muted">Foreign-interference threat monitoring for political parties.</p>
          </div>
        </div>
        <div className="card auth-card">
          <h1>Sign in</h1>
          <LoginForm callbackUrl={callbackUrl} initialError={errorFromQuery(first(params.error))} />
        </div>
        <p className="auth-footnote muted">
          For authorised users only. Sign-ins and activity are recorded.
        </p>
      </div>
    </main>
  );
}
