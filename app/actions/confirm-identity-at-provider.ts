"use server";
// Step-up at the organization's identity provider: a new sign-in there
// (prompt=login, max_age=0), back through /api/sso/callback, which checks it
// is the same person and records account.step_up.
import { z } from "zod";
import { authedAction } from "@/lib/auth/authed-action";
import { safeCallback } from "@/lib/auth/callback-url";
import { AppError } from "@/lib/errors";
import { SSO_FAILURES, SsoFailure } from "@/lib/sso/failures";
import { beginSso } from "@/lib/sso/sign-in-flow";
import { setSsoStateCookie } from "@/lib/sso/state-cookie";

const schema = z.object({ returnTo: z.string().max(2_000).optional() });

export const confirmIdentityAtProvider = authedAction({ schema }, async (input, member): Promise<{ url: string }> => {
  try {
    const { url, state } = await beginSso({
      organizationId: member.organizationId,
      purpose: "step-up",
      userId: member.userId,
      returnTo: safeCallback(input.returnTo),
      loginHint: member.email,
    });
    await setSsoStateCookie(state);
    return { url };
  } catch (err) {
    if (err instanceof SsoFailure) throw new AppError("conflict", SSO_FAILURES[err.code]);
    throw err;
  }
});
