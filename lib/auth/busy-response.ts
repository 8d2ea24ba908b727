// next-auth answers a credentials sign-in the password-check queue refused
// (lib/auth/password.ts) like any other refusal: a redirect, or with `json`
// a 200 naming the error page. This wrapper gives that answer what a busy
// server's answer carries: Retry-After, and 503 where the status is not the
// redirect a browser has to follow. Other answers pass through untouched.
import { passwordCheckRetryAfterSeconds } from "@/lib/auth/password";

const BUSY = /[?&]error=SignInBusy(&|$)/;

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

export function withBusyStatus(handler: Handler): Handler {
  return async (req, ctx) => {
    const res = await handler(req, ctx);
    const location = res.headers.get("location");
    const json = !location && res.headers.get("content-type")?.includes("application/json");
    const target = location ?? (json ? ((await res.clone().json()) as { url?: unknown }).url : undefined);
    if (typeof target !== "string" || !BUSY.test(target)) return res;
    const headers = new Headers(res.headers);
    headers.set("retry-after", String(passwordCheckRetryAfterSeconds()));
    return new Response(res.body, { status: json ? 503 : res.status, statusText: json ? "Service Unavailable" : res.statusText, headers });
  };
}
