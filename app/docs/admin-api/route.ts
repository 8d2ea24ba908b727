// GET /docs/admin-api - the Administration API reference: Swagger UI (from
// the swagger-ui-dist package, served by this console, so it works offline)
// rendering <base>/openapi.json, with a curl example in every operation.
// A full HTML document from a route handler, so the reference gets the
// whole width and none of the console's chrome; its two scripts carry the
// request's CSP nonce (set by proxy.ts). It follows the console's theme:
// Swagger UI's own dark mode (html.dark-mode) when the theme cookie says
// dark, or, with no choice made, when the system prefers dark.
import { cookies, headers } from "next/headers";
import { THEME_COOKIE, parseTheme } from "@/components/theme/theme";
import { adminApiBase } from "@/lib/admin-api/cluster-view";

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export async function GET() {
  const nonce = escapeAttr((await headers()).get("x-nonce") ?? "");
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const htmlAttrs = theme === "dark" ? ' class="dark-mode" data-theme="dark"' : theme === "light" ? ' data-theme="light"' : "";
  // No choice made: follow the system, now and when it changes.
  const followSystem =
    theme === "system"
      ? `<script nonce="${nonce}">(function(){var m=matchMedia("(prefers-color-scheme: dark)");var f=function(){document.documentElement.classList.toggle("dark-mode",m.matches)};f();m.addEventListener("change",f)})();</script>\n`
      : "";
  const specUrl = `${adminApiBase()}/openapi.json`;
  const html = `<!doctype html>
<html lang="en"${htmlAttrs}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Administration API reference · Cluster Console</title>
<link rel="stylesheet" href="/docs/admin-api/swagger-ui.css">
<style>body{margin:0;font-family:system-ui,sans-serif}header{display:flex;align-items:center;gap:1rem;padding:.75rem 1.5rem;border-bottom:1px solid #e2e8f0}header a{color:#0f172a;font-weight:600;text-decoration:none}header span{color:#64748b;font-size:.875rem}.swagger-ui .topbar{display:none}html.dark-mode body{background:#1c2022}html.dark-mode header{border-color:#3d4a5e}html.dark-mode header a{color:#f1f4f8}html.dark-mode header span{color:#9eabbe}</style>
${followSystem}</head>
<body>
<header><a href="/organization/administration-api">Cluster Console</a><span>Administration API reference</span></header>
<main id="api-reference" aria-label="Administration API reference"></main>
<script nonce="${nonce}" src="/docs/admin-api/swagger-ui-bundle.js"></script>
<script nonce="${nonce}">
window.ui = SwaggerUIBundle({ url: ${JSON.stringify(specUrl)}, dom_id: "#api-reference", deepLinking: true, docExpansion: "list", defaultModelsExpandDepth: 0, tryItOutEnabled: false });
</script>
</body>
</html>`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
