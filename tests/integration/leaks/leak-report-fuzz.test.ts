// Hostile input against the public leak report endpoint (fast-check): any
// body, content type, key identifier and signature. Unsigned or badly signed,
// it is refused before any work with one of a few fixed answers and changes
// nothing, even when the body holds a live secret; signed with the scanner's
// key, any body is answered (200 or 400), never with an error.
import { generateKeyPairSync, sign } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createLeakEndpoint } from "@/lib/leaks/endpoint-runtime";
import { handleLeakReport } from "@/lib/leaks/report-endpoint";
import { makeApiClient, testIp } from "../../support/oauth-factories";
import { uniq } from "../../support/factories";

export const LEAK_FUZZ_RUNS = 300;

const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
const KEY_ID = `fuzz-${uniq()}`;
const endpoint = createLeakEndpoint({
  keysUrl: null,
  keys: [{ key_identifier: KEY_ID, key: publicKey.export({ type: "spki", format: "pem" }).toString() }],
  ratePerMinute: 1_000_000,
  limiterPrefix: `leak_fuzz_${uniq()}`,
});

const text = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: "binary", maxLength: 60 }), fc.constantFrom("", "\u0000", "[]", "{}", "null", "x".repeat(300)));

describe("leak report endpoint, hostile input", () => {
  it(`${LEAK_FUZZ_RUNS} unsigned or badly signed requests: refused, nothing changed`, async () => {
    const client = await makeApiClient();
    const secretRow = () => db().clientSecret.findUniqueOrThrow({ where: { id: client.secretRowId }, select: { revokedAt: true } });
    const body = fc.oneof(
      text,
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.constant(JSON.stringify([{ token: client.secret, type: "x", url: "https://example.com", source: "content" }])),
    );
    const headers = fc.record(
      {
        "content-type": fc.oneof(text, fc.constantFrom("application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "text/plain")),
        "github-public-key-identifier": fc.oneof(text, fc.constant(KEY_ID)),
        "github-public-key-signature": fc.oneof(text, fc.base64String({ maxLength: 120 })),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(body, headers, async (b, h) => {
        const clean = Object.fromEntries(Object.entries(h).filter(([, v]) => /^[\t\x20-\x7e]*$/.test(v)));
        const res = await handleLeakReport(new Request("http://console.test/api/leaks/report", { method: "POST", headers: clean, body: b }), endpoint, testIp());
        expect([401, 413, 415]).toContain(res.status);
        expect(await res.text()).not.toMatch(/positive/);
      }),
      { numRuns: LEAK_FUZZ_RUNS },
    );
    expect((await secretRow()).revokedAt).toBeNull();
    expect(await db().clientSecretLeak.count({ where: { apiClientId: client.id } })).toBe(0);
  }, 120_000);

  it(`${LEAK_FUZZ_RUNS} signed bodies of any shape: answered, never an error`, async () => {
    const body = fc.oneof(
      text,
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.array(fc.record({ token: fc.oneof(text, fc.constant(`ccs_${"A".repeat(49)}`)), type: fc.option(text, { nil: undefined }), url: fc.option(text, { nil: undefined }), source: fc.option(text, { nil: undefined }) }, { requiredKeys: [] }), { maxLength: 5 }).map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const signature = sign("sha256", Buffer.from(b), { key: privateKey, dsaEncoding: "der" }).toString("base64");
        const res = await handleLeakReport(
          new Request("http://console.test/api/leaks/report", {
            method: "POST",
            headers: { "content-type": "application/json", "github-public-key-identifier": KEY_ID, "github-public-key-signature": signature },
            body: b,
          }),
          endpoint,
          testIp(),
        );
        expect([200, 400, 409]).toContain(res.status);
        if (res.status === 200) for (const item of (await res.json()) as Array<{ label: string }>) expect(item.label).toBe("false_positive");
      }),
      { numRuns: LEAK_FUZZ_RUNS },
    );
  }, 120_000);
});
