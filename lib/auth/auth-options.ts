// next-auth configuration: email + password (Credentials provider), JWT
// sessions in an HttpOnly cookie. The JWT carries only the user ID; role and
// organization are read from the database on every request (lib/auth/session.ts),
// so a role change or removal takes effect at once.
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { SignInRefused, checkSignIn } from "@/lib/auth/sign-in";
import { servedOverHttps } from "@/lib/config";

/** Set by the request pipeline (scripts/start-up/request-pipeline.ts) from the socket (and trusted proxies); never taken from the client. */
export const CLIENT_ADDRESS_HEADER = "x-console-client-address";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

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
          return await checkSignIn(raw, address);
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
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};
