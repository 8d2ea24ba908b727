// GET /.well-known/secret-scanning.json - the client secret's pattern, for scanners (lib/leaks/pattern.ts).
import { patternDocument } from "@/lib/leaks/pattern";
import { config } from "@/lib/config";

export function GET() {
  return Response.json(patternDocument(config().PUBLIC_URL), { headers: { "Cache-Control": "public, max-age=3600" } });
}
