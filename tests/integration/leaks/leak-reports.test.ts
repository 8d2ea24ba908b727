// The public leak report endpoint (GitHub's secret scanning partner protocol)
// against a real PostgreSQL, with ECDSA P-256 keys made here: a signed report
// of a live secret revokes it within the request (the token endpoint refuses
// it right after), "alert only" keeps it working, a false positive is
// answered as one, and a bad signature, an unknown key, a replayed body, an
// oversized list or body and a wrong content type change nothing. An
// unsigned caller gets the same answer whatever it sends.
import { createHash, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createLeakEndpoint } from "@/lib/leaks/endpoint-runtime";
import { handleLeakReport, MAX_BODY_BYTES, MAX_ITEMS } from "@/lib/leaks/report-endpoint";
import { SECRET_TYPE } from "@/lib/leaks/pattern";
import { generateClientSecret } from "@cluster-console/credentials/secrets";
import { basic, makeApiClient, postForm, startOAuthServer, testIp, type TestServer } from "../../support/oauth-factories";
import { uniq } from "../../support/factories";

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { privateKey, pem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

const scanner = keyPair();
const stranger = keyPair();
const KEY_ID = `test-key-${uniq()}`;

const endpoint = createLeakEndpoint({
  keysUrl: null,
  keys: [{ key_identifier: KEY_ID, key: scanner.pem }],
  ratePerMinute: 1_000,
  limiterPrefix: `leak_test_${uniq()}`,
});

let oauth: TestServer;
beforeAll(async () => {
  oauth = await startOAuthServer();
});
afterAll(async () => {
  await oauth.close();
});

const signed = (body: string, key: KeyObject = scanner.privateKey) => sign("sha256", Buffer.from(body), { key, dsaEncoding: "der" }).toString("base64");

function report(body: string, headers: Record<string, string> = {}, ip = testIp()) {
  const req = new Request("http://console.test/api/leaks/report", {
    method: "POST",
    headers: { "content-type": "application/json", "github-public-key-identifier": KEY_ID, "github-public-key-signature": signed(body), ...headers },
    body,
  });
  return handleLeakReport(req, endpoint, ip);
}

const finding = (token: string, url = `https://github.com/octo/repo/blob/${uniq()}/config.env`) => ({ token, type: SECRET_TYPE, url, source: "content" });
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

async function tokenStatus(client: { clientId: string }, secret: string) {
  const res = await postForm(oauth.url, { grant_type: "client_credentials" }, { authorization: basic(client.clientId, secret), "x-forwarded-for": testIp() });
  return res.status;
}

async function state(client: { id: string; organizationId: string; secretRowId: string }) {
  const secret = await db().clientSecret.findUniqueOrThrow({ where: { id: client.secretRowId }, select: { revokedAt: true } });
  const leaks = await db().clientSecretLeak.count({ where: { apiClientId: client.id } });
  const events = await db().auditEvent.count({ where: { organizationId: client.organizationId, action: "client.secret_leaked" } });
  return { revoked: secret.revokedAt !== null, leaks, events };
}

describe("leak reports", () => {
  it("revokes a live secret within the request, and says true_positive", async () => {
    const client = await makeApiClient();
    expect(await tokenStatus(client, client.secret)).toBe(200);
    const body = JSON.stringify([finding(client.secret, "https://github.com/octo/repo/blob/main/.env")]);
    const res = await report(body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ token_hash: sha256(client.secret), token_type: SECRET_TYPE, label: "true_positive" }]);
    // Within the request: the row is revoked when the answer arrives, and every instance refuses it at once.
    expect(await state(client)).toEqual({ revoked: true, leaks: 1, events: 1 });
    await expect.poll(() => tokenStatus(client, client.secret), { timeout: 2_000, interval: 20 }).toBe(401);
    const event = await db().auditEvent.findFirstOrThrow({ where: { organizationId: client.organizationId, action: "client.secret_leaked" } });
    expect(event.metadata).toMatchObject({ url: "https://github.com/octo/repo/blob/main/.env", source: "content", reporter: "scanner", revoked: true });
    expect(event.actorName).toBe("Secret scanning");
    expect(JSON.stringify({ ...event, id: String(event.id) })).not.toContain(client.secret);
  });

  it("keeps the client working under 'alert only', and records the leak", async () => {
    const client = await makeApiClient();
    await db().organization.update({ where: { id: client.organizationId }, data: { leakPolicy: "ALERT" } });
    const res = await report(JSON.stringify([finding(client.secret)]));
    expect(await res.json()).toEqual([expect.objectContaining({ label: "true_positive" })]);
    expect(await state(client)).toEqual({ revoked: false, leaks: 1, events: 1 });
    expect(await tokenStatus(client, client.secret)).toBe(200);
    const leak = await db().clientSecretLeak.findFirstOrThrow({ where: { apiClientId: client.id } });
    expect(leak.revoked).toBe(false);
  });

  it("answers false_positive for what is not a live secret, and changes nothing", async () => {
    const revokedClient = await makeApiClient();
    await revokedClient.revoke();
    const unknown = generateClientSecret(); // well-formed, never issued
    const typo = `${unknown.slice(0, -1)}${unknown.endsWith("A") ? "B" : "A"}`; // checksum fails
    const body = JSON.stringify([finding(unknown), finding(typo), finding("not a secret at all"), finding(revokedClient.secret)]);
    const res = await report(body);
    expect(res.status).toBe(200);
    const labels = (await res.json()) as Array<{ label: string; token_hash: string }>;
    expect(labels.map((l) => l.label)).toEqual(["false_positive", "false_positive", "false_positive", "false_positive"]);
    expect(labels[0]!.token_hash).toBe(sha256(unknown));
    expect(await db().clientSecretLeak.count({ where: { apiClientId: revokedClient.id } })).toBe(0);
  });

  it("refuses a bad signature, an unknown key and a missing signature with one answer, and changes nothing", async () => {
    const client = await makeApiClient();
    const body = JSON.stringify([finding(client.secret)]);
    const tampered = JSON.stringify([finding(client.secret, "https://example.com/other")]);
    const attempts = [
      report(body, { "github-public-key-signature": signed(body, stranger.privateKey) }), // someone else's key
      report(tampered, { "github-public-key-signature": signed(body) }), // signature of another body
      report(body, { "github-public-key-identifier": "no-such-key" }),
      report(body, { "github-public-key-signature": "" }),
      report(body, { "github-public-key-signature": "not base64 !" }),
    ];
    const answers = await Promise.all(attempts.map(async (p) => {
      const r = await p;
      return { status: r.status, body: await r.text() };
    }));
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(401);
    expect(await state(client)).toEqual({ revoked: false, leaks: 0, events: 0 });
    expect(await tokenStatus(client, client.secret)).toBe(200);

    // Unsigned, a live secret and a made-up one get the very same answer.
    const unsigned = async (token: string) => {
      const r = await report(JSON.stringify([finding(token)]), { "github-public-key-signature": signed("x", stranger.privateKey) });
      return `${r.status} ${await r.text()}`;
    };
    expect(await unsigned(client.secret)).toBe(await unsigned(generateClientSecret()));
  });

  it("refuses a replayed body: the second delivery changes nothing", async () => {
    const client = await makeApiClient();
    await db().organization.update({ where: { id: client.organizationId }, data: { leakPolicy: "ALERT" } });
    const body = JSON.stringify([finding(client.secret)]);
    expect((await report(body)).status).toBe(200);
    const replay = await report(body);
    expect(replay.status).toBe(409);
    expect(await replay.text()).not.toContain("positive");
    expect(await state(client)).toEqual({ revoked: false, leaks: 1, events: 1 });
  });

  it("refuses an oversized list, an oversized body and a wrong content type, and changes nothing", async () => {
    const client = await makeApiClient();
    const many = JSON.stringify(Array.from({ length: MAX_ITEMS + 1 }, (_, i) => finding(i === 0 ? client.secret : generateClientSecret())));
    expect((await report(many)).status).toBe(400);
    const huge = JSON.stringify([{ ...finding(client.secret), url: `https://example.com/${"a".repeat(MAX_BODY_BYTES)}` }]);
    expect((await report(huge)).status).toBe(413);
    const body = JSON.stringify([finding(client.secret)]);
    expect((await report(body, { "content-type": "text/plain" })).status).toBe(415);
    expect((await report(body, { "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
    expect((await report("{}")).status).toBe(400); // signed, but not a list
    expect(await state(client)).toEqual({ revoked: false, leaks: 0, events: 0 });
    expect(await tokenStatus(client, client.secret)).toBe(200);
  });

  it("reads the scanner's keys from its URL, and limits reports per source address", async () => {
    const published = keyPair();
    const id = `published-${uniq()}`;
    let fetches = 0;
    const server = http.createServer((_req, res) => {
      fetches++;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ public_keys: [{ key_identifier: id, key: published.pem, is_current: true }] }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const limited = createLeakEndpoint({
      keysUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/meta/public_keys/secret_scanning`,
      keys: [],
      ratePerMinute: 3,
      limiterPrefix: `leak_test_${uniq()}`,
    });
    try {
      const client = await makeApiClient();
      const post = (body: string, keyId: string, ip: string) =>
        handleLeakReport(
          new Request("http://console.test/api/leaks/report", {
            method: "POST",
            headers: { "content-type": "application/json", "github-public-key-identifier": keyId, "github-public-key-signature": signed(body, published.privateKey) },
            body,
          }),
          limited,
          ip,
        );
      const ip = testIp();
      const res = await post(JSON.stringify([finding(client.secret)]), id, ip);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual([expect.objectContaining({ label: "true_positive" })]);
      expect(fetches).toBe(1);
      // Unknown identifiers do not make it fetch again within the minute.
      expect((await post("[]", "made-up-1", ip)).status).toBe(401);
      expect((await post("[]", "made-up-2", ip)).status).toBe(401);
      expect(fetches).toBe(1);
      // The fourth report from the address in the minute is refused before anything is read.
      const refused = await post(JSON.stringify([finding(generateClientSecret())]), id, ip);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await post(JSON.stringify([finding(generateClientSecret())]), id, testIp())).status).toBe(200);
    } finally {
      server.close();
    }
  });
});
