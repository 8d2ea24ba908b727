// POST /api/leaks/report - leak reports from a secret scanner (GitHub's partner protocol): lib/leaks/report-endpoint.ts.
import { handleLeakReport } from "@/lib/leaks/report-endpoint";
import { leakEndpoint } from "@/lib/leaks/endpoint-runtime";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/auth-options";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  try {
    return await handleLeakReport(req, leakEndpoint(), req.headers.get(CLIENT_ADDRESS_HEADER));
  } catch {
    // The database is unreachable: say so without details; the scanner delivers again.
    return Response.json({ message: "Temporarily unavailable." }, { status: 503, headers: { "retry-after": "30", "cache-control": "no-store" } });
  }
}
