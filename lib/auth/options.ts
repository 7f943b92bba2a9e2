import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { SESSION_MAX_AGE_S, revokeSession, signInWithPassword } from "./data";
import { signInSchema } from "./schema";

// Error codes the sign-in form turns into messages. Both are generic: neither says whether the
// e-mail address has an account.
export const SIGN_IN_ERRORS = {
  invalid: "CredentialsSignin",
  throttled: "TooManyAttempts",
} as const;

function firstHeader(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === "string" && text ? text : null;
}

export const authOptions: NextAuthOptions = {
  // Read from the environment only; `npm start` provides one for the demo when unset.
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        // Client addresses come only from a reverse proxy we trust (TRUST_PROXY=1): otherwise the
        // headers are the client's own words, and the per-address throttle is skipped.
        const ip = process.env.TRUST_PROXY
          ? (firstHeader(req.headers, "x-forwarded-for")?.split(",")[0]?.trim() ?? firstHeader(req.headers, "x-real-ip"))
          : null;
        const result = await signInWithPassword(parsed.data.email, parsed.data.password, {
          ip: ip || null,
          userAgent: firstHeader(req.headers, "user-agent"),
        });
        if (!result.ok) {
          if (result.reason === "throttled") throw new Error(SIGN_IN_ERRORS.throttled);
          return null;
        }
        return { id: result.userId, sessionId: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = (user as { sessionId?: string }).sessionId;
      }
      return token;
    },
    // The browser-visible session carries nothing beyond ids; the server resolves the rest.
    session({ session, token }) {
      return { expires: session.expires, sid: token.sid, uid: token.sub } as typeof session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSession(token.sid);
    },
  },
};
