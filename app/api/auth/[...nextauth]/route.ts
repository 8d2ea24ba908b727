// GET/POST /api/auth/* - next-auth (sign-in, sign-out, session, CSRF token)
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { withBusyStatus } from "@/lib/auth/busy-response";

const handler = NextAuth(authOptions);

export { handler as GET };
export const POST = withBusyStatus(handler);
