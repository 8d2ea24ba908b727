// GET /docs/admin-api/swagger-ui-bundle.js | swagger-ui.css - Swagger UI's
// files from the installed swagger-ui-dist package: nothing is fetched from
// another host, so the reference works on a closed network.
import { readFile } from "node:fs/promises";
import path from "node:path";

const ASSETS: Record<string, string> = {
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui.css": "text/css; charset=utf-8",
};

const cache = new Map<string, Buffer>();

export async function GET(_req: Request, ctx: { params: Promise<{ asset: string }> }) {
  const { asset } = await ctx.params;
  const type = Object.hasOwn(ASSETS, asset) ? ASSETS[asset] : undefined;
  if (!type) return new Response("Not found", { status: 404 });
  let body = cache.get(asset);
  if (!body) {
    body = await readFile(path.join(process.cwd(), "node_modules", "swagger-ui-dist", asset));
    cache.set(asset, body);
  }
  return new Response(new Uint8Array(body), { headers: { "Content-Type": type, "Cache-Control": "public, max-age=86400" } });
}
