// Turning a completed single sign-on into the console's session: next-auth's
// own session cookie (lib/auth/session-cookie.ts), with the organization's
// sign-in time in its `sso` claim. The same person already signed in keeps
// what they had (a password sign-in, other organizations' sign-ins); anyone
// else's session in this browser is replaced.
import "server-only";
import { sessionClaims } from "@/lib/auth/session";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { withSsoSignIn } from "@/lib/auth/session-claims";
import { chooseOrganization } from "@/lib/auth/organization-choice";
import type { SsoResult } from "@/lib/sso/sign-in-flow";

import { STEP_UP_SECONDS } from "@/lib/auth/session-claims";

export async function writeSsoSession(result: SsoResult): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const current = await sessionClaims();
  const same = current && current.userId === result.userId && current.sessionVersion === result.sessionVersion ? current : null;
  const user = { id: result.userId, email: result.email, name: result.name, sessionVersion: result.sessionVersion };
  if (result.purpose === "step-up") {
    await writeSessionCookie(user, { password: same?.password ?? false, sso: withSsoSignIn(same?.sso ?? {}, result.organizationId, now), stepUpUntil: now + STEP_UP_SECONDS });
    return;
  }
  // A sign-in at the provider just happened: step-up starts too, as after a password sign-in.
  await writeSessionCookie(user, { password: same?.password ?? false, sso: withSsoSignIn(same?.sso ?? {}, result.organizationId, now), stepUpUntil: now + STEP_UP_SECONDS });
  await chooseOrganization(result.organizationId);
}
