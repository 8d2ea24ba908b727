// The browser's half of a sign-in at a provider: the state, in an httpOnly
// cookie that only the callback reads. SameSite=Lax, because the provider
// sends the browser back with a top-level GET from its own site.
import "server-only";
import { cookies } from "next/headers";
import { servedOverHttps } from "@/lib/config";
import { SSO_LOGIN_TTL_MS } from "@/lib/sso/sign-in-flow";

const name = () => (servedOverHttps() ? "__Host-cc-sso-state" : "cc-sso-state");

export async function setSsoStateCookie(state: string): Promise<void> {
  (await cookies()).set(name(), state, { httpOnly: true, sameSite: "lax", path: "/", secure: servedOverHttps(), maxAge: SSO_LOGIN_TTL_MS / 1000 });
}

/** Reads and clears it: a state is good for one callback. */
export async function takeSsoStateCookie(): Promise<string | undefined> {
  const jar = await cookies();
  const value = jar.get(name())?.value;
  if (value) jar.delete(name());
  return value;
}
