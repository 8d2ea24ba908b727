// next-auth configuration: email + password (Credentials provider), JWT
// sessions in an HttpOnly cookie. The JWT carries the user ID and the user's
// session version (lib/auth/session-version.ts); role and organization are
// read from the database on every request (lib/auth/session.ts), so a role
// change or removal takes effect at once, and sign-out ends the session on the
// server, not only in the browser.
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { SignInRefused, checkSignIn } from "@/lib/auth/sign-in";
import { REQUEST_KEY_HEADER, requestSignal } from "@/lib/http/request-abort";
import { servedOverHttps } from "@/lib/config";
import { SESSION_VERSION_CLAIM, endSessionsFrom, isLiveSession } from "@/lib/auth/session-version";
import { STEP_UP_CLAIM, STEP_UP_SECONDS } from "@/lib/auth/session-claims";

/** Thrown from the jwt callback for a session ended on the server; next-auth then answers with no session and clears the cookie. */
class SessionEnded extends Error {
  constructor() {
    super("Session ended");
    this.name = "SessionEnded";
  }
}

/** Set by the request pipeline (scripts/start-up/request-pipeline.ts) from the socket (and trusted proxies); never taken from the client. */
export const CLIENT_ADDRESS_HEADER = "x-console-client-address";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** next-auth's own session cookie name for this deployment (see useSecureCookies below). */
export function sessionCookieName(): string {
  return servedOverHttps() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // HttpOnly and SameSite=Lax always; Secure (and the __Secure- prefix)
  // whenever the console is served over https, which production requires (lib/config.ts).
  useSecureCookies: servedOverHttps(),
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    Credentials({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, req) {
        const header = req?.headers?.[CLIENT_ADDRESS_HEADER];
        const address = typeof header === "string" ? header : null;
        try {
          return await checkSignIn(raw, address, requestSignal(req?.headers?.[REQUEST_KEY_HEADER]));
        } catch (err) {
          // Wrong credentials: null (next-auth answers "CredentialsSignin");
          // anything else travels as its code, never as a database message.
          if (err instanceof SignInRefused && err.reason === "CredentialsSignin") return null;
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token[SESSION_VERSION_CLAIM] = (user as { sessionVersion?: number }).sessionVersion;
        // A password just entered: step-up starts with the session (lib/account/step-up.ts).
        token[STEP_UP_CLAIM] = Math.floor(Date.now() / 1000) + STEP_UP_SECONDS;
        return token;
      }
      // Every later read of the cookie through next-auth (GET /api/auth/session):
      // a session ended on the server (sign-out, password change) gets no
      // user, and next-auth clears the cookie instead of re-issuing it.
      if (!(await isLiveSession(token))) throw new SessionEnded();
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
  logger: {
    // An ended session is an expected answer, not an error; anything else is
    // printed as next-auth's own logger prints it.
    error(code, metadata) {
      if (metadata instanceof SessionEnded) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
  events: {
    // Ends the session on the server: the cookie being cleared, and any copy
    // of it, is refused from now on (lib/auth/session-version.ts).
    async signOut({ token }) {
      const version = token?.[SESSION_VERSION_CLAIM];
      if (typeof token?.sub === "string" && typeof version === "number") await endSessionsFrom(token.sub, version);
    },
  },
};
