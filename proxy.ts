// Runs before every page: sets a per-request Content-Security-Policy nonce
// (Next.js puts it on its own scripts) and redirects signed-out browsers to the
// sign-in page. The redirect is a convenience, not the protection: every page,
// server action and route handler checks the session and the role itself.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { config as consoleConfig } from "@/lib/config";

// Paths reachable without a session.
const PUBLIC_PREFIXES = [
  "/signin", // the sign-in form
  "/setup", // first-run set-up; the page itself refuses once a user exists
  "/invite", // invitation links: the token in the path is the credential, checked by the page and its actions
  "/reset", // password-reset links: likewise
  "/api/auth", // next-auth endpoints
  "/api/sso", // single sign-on callback: checked against the state cookie and the provider (lib/sso)
  "/oauth", // authorization server: clients authenticate with their own credentials
  "/api/admin", // Administration API: Bearer tokens, checked by every handler
  "/cluster-api", // the connector runtime's Secrets endpoint: Bearer tokens, checked by the handler
  "/api/leaks", // leak reports from secret scanners: signed by the scanner, checked by the handler (lib/leaks)
  "/.well-known", // JWKS and metadata; the client secret's pattern for scanners
  "/docs", // static help pages
  "/downloads", // the token client's tarball, fetched by `npm install <url>`
];

const dev = process.env.NODE_ENV !== "production";

// Prerendered pages cannot carry a per-request nonce; they are plain reading
// matter and run no script at all. The Administration API reference is the
// exception: it runs Swagger UI, with the request's nonce.
const STATIC_PREFIXES = ["/docs"];
const SCRIPTED_DOCS = ["/docs/admin-api"];

function contentSecurityPolicy(nonce: string | null): string {
  return [
    "default-src 'self'",
    nonce ? `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}` : "script-src 'none'",
    // Style attributes (positioning of menus and dialogs) need inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Server actions are POSTs that carry the session cookie (from fetch with a
 * Next-Action header, or from a form posted without JavaScript). Next.js
 * compares Origin with Host (or X-Forwarded-Host) itself, but answers a
 * mismatch with a 500, and not at all on paths it serves as files. Refuse
 * here, on every path, with a 403: the Origin must be the console's own,
 * PUBLIC_URL, whatever Host or X-Forwarded-Host say (in development also the
 * host the browser used, so 127.0.0.1 works). A browser always sends Origin
 * with a POST; a request without one (curl) carries no victim's cookies, so
 * like Next.js we let it through to the action's own checks. Route handlers
 * under /api authenticate on their own (next-auth's CSRF token, Bearer tokens).
 */
function isCrossSiteAction(req: NextRequest): boolean {
  if (req.method !== "POST") return false;
  if (!req.headers.has("next-action") && req.nextUrl.pathname.startsWith("/api/")) return false;
  const origin = req.headers.get("origin");
  if (!origin) return false;
  if (origin === new URL(consoleConfig().PUBLIC_URL).origin) return false;
  if (!dev) return true;
  try {
    return new URL(origin).host !== req.headers.get("host");
  } catch {
    return true;
  }
}

/**
 * Next.js also compares a server action's Origin with the host the request
 * names: the first X-Forwarded-Host value, else Host. A mismatch throws
 * "Invalid Server Actions request", which reaches the caller as a 500 with an
 * error digest. The Origin is the console's own by now (above), so a mismatch
 * means the request names another host than the public one: bad input, a 400,
 * computed exactly as Next.js does, so nothing Next.js would run is refused.
 * Behind a reverse proxy the public host must reach the console in Host or in
 * X-Forwarded-Host (docs/operations.md).
 */
function isMisdirectedAction(req: NextRequest): boolean {
  if (req.method !== "POST") return false;
  if (!req.headers.has("next-action") && req.nextUrl.pathname.startsWith("/api/")) return false;
  const origin = req.headers.get("origin");
  if (!origin) return false;
  const forwarded = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || req.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

// A one-time link whose token is not valid percent-encoding (/invite/%ff)
// would fail in Next's own decoding of the route parameter, a 500: send it
// to the same page with a token that matches nothing, which says so.
const LINK_PAGE = /^\/(invite|reset)\/([^/]+)$/;

function undecodableLink(pathname: string): string | null {
  const m = LINK_PAGE.exec(pathname);
  if (!m) return null;
  try {
    decodeURIComponent(m[2]!);
    return null;
  } catch {
    return `/${m[1]}/malformed`;
  }
}

// Files served as they are: no session, no CSP nonce, but the check above.
const ASSETS = ["/favicon.ico", "/icon.svg"];

export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (isCrossSiteAction(req)) {
    return new NextResponse("Cross-site request refused.", { status: 403, headers: { "content-type": "text/plain" } });
  }
  if (isMisdirectedAction(req)) {
    return new NextResponse("This console is not served at the host this request names.", {
      status: 400,
      headers: { "content-type": "text/plain" },
    });
  }
  if (ASSETS.includes(pathname)) return NextResponse.next();
  const malformed = undecodableLink(pathname);
  if (malformed) {
    const url = req.nextUrl.clone();
    url.pathname = malformed;
    url.search = "";
    return NextResponse.redirect(url);
  }
  const isPublic = PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!isPublic && !(await getToken({ req, secret: consoleConfig().NEXTAUTH_SECRET }))) {
    const url = req.nextUrl.clone();
    url.pathname = "/signin";
    url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }

  const isStatic = STATIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`)) && !SCRIPTED_DOCS.includes(pathname);
  const nonce = isStatic ? null : btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(req.headers);
  if (nonce) headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return res;
}

export const config = {
  // Everything but Next's build output (the icons too: a server action can be posted to any path).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
