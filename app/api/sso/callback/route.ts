// GET /api/sso/callback - the identity provider sends the browser back here
// (the redirect URI every organization registers). Completes the sign-in or
// step-up (lib/sso/sign-in-flow.ts), writes the session, and goes on; any
// failure goes to a page that says what happened in plain words, never a 500.
import { type NextRequest, NextResponse } from "next/server";
import { config } from "@/lib/config";
import { sessionClaims } from "@/lib/auth/session";
import { SsoFailure } from "@/lib/sso/failures";
import { completeSso } from "@/lib/sso/sign-in-flow";
import { writeSsoSession } from "@/lib/sso/session";
import { takeSsoStateCookie } from "@/lib/sso/state-cookie";
import { recordStepUp } from "@/lib/account/step-up";

export const dynamic = "force-dynamic";

const to = (path: string) => NextResponse.redirect(new URL(path, config().PUBLIC_URL), 303);

export async function GET(req: NextRequest): Promise<NextResponse> {
  try {
    const cookieState = await takeSsoStateCookie();
    const current = await sessionClaims();
    const result = await completeSso(new URL(req.url), cookieState, current?.userId);
    await writeSsoSession(result);
    if (result.purpose === "step-up") await recordStepUp(result.userId, result.organizationId, "provider");
    return to(result.returnTo);
  } catch (err) {
    const failure = err instanceof SsoFailure ? err : new SsoFailure("server_error", (err as Error)?.message);
    // The code and the detail for whoever runs the server; the person gets the page.
    console.warn(`[console] single sign-on refused: ${failure.code}${failure.detail ? ` (${failure.detail.slice(0, 300)})` : ""}`);
    return to(`/signin/sso-failed?reason=${failure.code}`);
  }
}
