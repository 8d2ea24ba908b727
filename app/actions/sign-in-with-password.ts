"use server";
// Console sign-in from the sign-in form, with or without JavaScript: the form
// POSTs here (a server action), never a GET that would put the password in
// the URL. Same check as next-auth's credentials endpoint (lib/auth/sign-in.ts,
// limits included), then next-auth's own session cookie, then the redirect.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/auth-options";
import { formToObject, type ActionInput } from "@/lib/auth/authed-action";
import { safeCallback } from "@/lib/auth/callback-url";
import { SignInRefused, type SignedInUser, checkSignIn, signInMessage } from "@/lib/auth/sign-in";
import { REQUEST_KEY_HEADER, requestSignal } from "@/lib/http/request-abort";
import { writeSessionCookie } from "@/lib/auth/session-cookie";

export interface SignInState {
  error: string;
  /** Typed email, so a refused attempt keeps it in the form. */
  email: string;
}

export async function signInWithPassword(_prev: unknown, raw: ActionInput): Promise<SignInState> {
  const input = formToObject(raw);
  const email = typeof input.email === "string" ? input.email.slice(0, 254) : "";
  // An empty form is not a wrong password: say what is missing. (Not an
  // account oracle: no account has an empty email or password.)
  if (!email.trim()) return { error: "Enter your email address.", email };
  if (typeof input.password !== "string" || input.password === "") return { error: "Enter your password.", email };
  const head = await headers();
  let user: SignedInUser;
  try {
    const signal = requestSignal(head.get(REQUEST_KEY_HEADER));
    user = await checkSignIn({ email: input.email, password: input.password }, head.get(CLIENT_ADDRESS_HEADER), signal);
  } catch (err) {
    // A server action's answer has no status or Retry-After of its own: a busy refusal says the seconds in its message.
    if (err instanceof SignInRefused) return { error: signInMessage(err), email };
    throw err;
  }
  await writeSessionCookie(user);
  redirect(safeCallback(input.callbackUrl));
}
