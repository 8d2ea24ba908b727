// Redirects signed-out browsers to the sign-in page. This is a convenience,
// not the protection: every page, server action and route handler checks the
// session and the role itself.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

// Paths reachable without a session.
const PUBLIC_PREFIXES = [
  "/signin", // the sign-in form
  "/setup", // first-run set-up; the page itself refuses once a user exists
  "/api/auth", // next-auth endpoints
  "/oauth", // authorization server: clients authenticate with their own credentials
  "/.well-known", // JWKS and metadata
];

export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = "/signin";
  url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Everything but static assets.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
