"use server";
// "Continue with single sign-on": a work email -> its domain's organization
// -> that organization's provider. Open to anonymous visitors. An email whose
// domain has no provider gets one answer, the same for every such domain, so
// the form tells nobody which domains have one. The answer is the provider's
// URL, which the form opens (with JavaScript) or shows as a link (without:
// a redirect after a form post would be stopped by the form-action policy).
import { action } from "@/lib/auth/authed-action";
import { safeCallback } from "@/lib/auth/callback-url";
import { AppError } from "@/lib/errors";
import { SSO_FAILURES, SsoFailure } from "@/lib/sso/failures";
import { ssoEmailSchema } from "@/lib/sso/schemas";
import { beginSso, organizationForEmail } from "@/lib/sso/sign-in-flow";
import { setSsoStateCookie } from "@/lib/sso/state-cookie";

export const startSingleSignOn = action({ schema: ssoEmailSchema }, async (input): Promise<{ url: string }> => {
  const organizationId = await organizationForEmail(input.email);
  if (!organizationId) throw new AppError("not_found", SSO_FAILURES.no_provider);
  try {
    const { url, state } = await beginSso({ organizationId, purpose: "sign-in", returnTo: safeCallback(input.callbackUrl), loginHint: input.email });
    await setSsoStateCookie(state);
    return { url };
  } catch (err) {
    if (err instanceof SsoFailure) {
      console.warn(`[console] single sign-on could not start: ${err.code}${err.detail ? ` (${err.detail.slice(0, 300)})` : ""}`);
      throw new AppError("conflict", SSO_FAILURES[err.code]);
    }
    throw err;
  }
});
