// next-auth configuration: email + password (Credentials provider), JWT
// sessions in an HttpOnly cookie. The JWT carries only the user ID; role and
// organization are read from the database on every request (lib/auth/session.ts),
// so a role change or removal takes effect at once.
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { DUMMY_HASH_PROMISE, verifyPassword } from "@/lib/auth/password";
import { assertSignInAllowed, recordFailedSignIn } from "@/lib/auth/sign-in-limits";

/** Set by scripts/serve.ts from the socket (and trusted proxies); never taken from the client. */
export const CLIENT_ADDRESS_HEADER = "x-console-client-address";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // HttpOnly and SameSite=Lax always; Secure (and the __Secure- prefix)
  // whenever the console is served over https, which production requires (lib/config.ts).
  useSecureCookies: (process.env.NEXTAUTH_URL ?? process.env.PUBLIC_URL ?? "").startsWith("https://"),
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    Credentials({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const header = req?.headers?.[CLIENT_ADDRESS_HEADER];
        const address = typeof header === "string" ? header : null;
        // Blocked callers get the same answer whether or not the password is right.
        await assertSignInAllowed(parsed.data.email, address);
        const user = await db().user.findUnique({
          where: { email: parsed.data.email },
          omit: { passwordHash: false },
          include: { memberships: { select: { id: true }, take: 1 } },
        });
        // Hash even for unknown emails so response time does not reveal accounts.
        const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
        if (!user || !ok || user.memberships.length === 0) {
          await recordFailedSignIn(parsed.data.email, address);
          return null;
        }
        return { id: user.id, email: user.email, name: user.name };
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
