// POST /api/leaks/report - GitHub's secret scanning partner protocol.
//
// The scanner posts a JSON list of {token, type, url, source}, signed: the
// Github-Public-Key-Identifier header names one of its published keys, and
// Github-Public-Key-Signature is a base64 ECDSA P-256 SHA-256 signature of the
// raw body. The answer lists, per token, {token_hash, token_type, label}
// with label true_positive (a live secret: the organization's leak policy
// was applied) or false_positive. token_hash is the token's SHA-256 in hex,
// which the protocol accepts in place of token_raw, so no secret is ever
// echoed back.
//
// The endpoint is public, so in this order, each step refusing before any
// later work is done:
//   1. rate limit per source address (LEAK_REPORT_RATE_LIMIT a minute): 429;
//   2. Content-Type application/json: 415;
//   3. the body, read up to MAX_BODY_BYTES only: 413;
//   4. the signature, against the scanner's keys: 401, one answer for every
//      failure (missing, unknown key, bad signature), so an unsigned caller
//      learns nothing, least of all whether a string is a live secret;
//   5. the list's shape and size (at most MAX_ITEMS): 400;
//   6. replay: a body already accepted (its digest, kept a week) is refused
//      with 409 and changes nothing;
//   7. each token: lib/leaks/report-leak.ts.
import "server-only";
import { createHash, verify as verifySignature, type KeyObject } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { reportLeak, type LeakVerdict } from "@/lib/leaks/report-leak";
import { boundedBytes, type ScannerKeys } from "@/lib/leaks/scanner-keys";

export const KEY_ID_HEADER = "github-public-key-identifier";
export const SIGNATURE_HEADER = "github-public-key-signature";
export const MAX_BODY_BYTES = 256 * 1024;
export const MAX_ITEMS = 200;
const REPLAY_WINDOW_DAYS = 7;

export type RateVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface LeakEndpoint {
  keys: ScannerKeys;
  /** Charges one report to the source address. */
  limit: (address: string | null) => Promise<RateVerdict>;
  /** Who the Activity names as the reporter. */
  reporterName: string;
}

const item = z.object({
  token: z.string().max(1_000),
  type: z.string().max(200).optional(),
  url: z.string().max(4_000).optional(),
  source: z.string().max(200).optional(),
});
const list = z.array(item).min(1).max(MAX_ITEMS);

const HEADERS = { "content-type": "application/json", "cache-control": "no-store" };
const answer = (status: number, body: unknown, extra: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...extra } });
const UNSIGNED = () => answer(401, { message: "The request must be signed with a published secret scanning key." });

/** Verifies an ECDSA P-256 SHA-256 signature (DER, base64) over the raw body. */
export function signatureValid(body: Uint8Array, signatureB64: string, key: KeyObject): boolean {
  if (!/^[A-Za-z0-9+/]{1,200}={0,2}$/.test(signatureB64)) return false;
  try {
    return verifySignature("sha256", body, { key, dsaEncoding: "der" }, Buffer.from(signatureB64, "base64"));
  } catch {
    return false;
  }
}

export async function handleLeakReport(req: Request, endpoint: LeakEndpoint, address: string | null): Promise<Response> {
  const rate = await endpoint.limit(address);
  if (!rate.ok) return answer(429, { message: "Too many requests." }, { "retry-after": String(rate.retryAfterSeconds) });

  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") return answer(415, { message: "Send application/json." });
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return answer(413, { message: `The body is limited to ${MAX_BODY_BYTES} bytes.` });
  const body = await boundedBytes(req.body, MAX_BODY_BYTES).catch(() => undefined);
  if (body === undefined) return answer(413, { message: `The body is limited to ${MAX_BODY_BYTES} bytes.` });

  const keyId = req.headers.get(KEY_ID_HEADER) ?? "";
  const signature = req.headers.get(SIGNATURE_HEADER) ?? "";
  if (keyId.length === 0 || keyId.length > 200 || signature.length === 0) return UNSIGNED();
  const key = await endpoint.keys.find(keyId);
  if (!key || !signatureValid(body, signature, key)) return UNSIGNED();

  // Signed by the scanner from here on.
  let items: z.infer<typeof list>;
  try {
    const parsed = list.safeParse(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body)));
    if (!parsed.success) return answer(400, { message: `Send a JSON list of 1 to ${MAX_ITEMS} {token, type, url, source} objects.` });
    items = parsed.data;
  } catch {
    return answer(400, { message: "The body is not JSON." });
  }

  const digest = createHash("sha256").update(body).digest();
  if (!(await firstDelivery(digest))) return answer(409, { message: "This report was already received." });

  try {
    const labels: Array<{ token_hash: string; token_type: string; label: "true_positive" | "false_positive" }> = [];
    const seen = new Map<string, LeakVerdict>();
    for (const it of items) {
      // The same token twice in one list is one finding.
      let verdict = seen.get(it.token);
      if (!verdict) {
        verdict = await reportLeak({ secret: it.token, url: it.url, source: it.source }, { kind: "scanner", name: endpoint.reporterName });
        seen.set(it.token, verdict);
      }
      labels.push({
        token_hash: createHash("sha256").update(it.token, "utf8").digest("hex"),
        token_type: it.type ?? "",
        label: verdict.live ? "true_positive" : "false_positive",
      });
    }
    return answer(200, labels);
  } catch (err) {
    // Nothing answered: let the scanner deliver it again.
    await db().leakReportDelivery.delete({ where: { bodyDigest: digest } }).catch(() => {});
    throw err;
  }
}

/** Records the body's digest; false when it was accepted before (a replay). Old digests are dropped on the way. */
async function firstDelivery(digest: Buffer): Promise<boolean> {
  const bytes = Buffer.from(digest);
  const inserted = await db().$executeRaw`
    INSERT INTO leak_report_deliveries (body_digest) VALUES (${bytes}) ON CONFLICT (body_digest) DO NOTHING`;
  if (Math.random() < 0.05) {
    await db().$executeRaw`DELETE FROM leak_report_deliveries WHERE received_at < now() - make_interval(days => ${REPLAY_WINDOW_DAYS})`;
  }
  return inserted === 1;
}
