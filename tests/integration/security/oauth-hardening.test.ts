// The review's hardening findings on the authorization server: repeated JSON
// keys, prototype names as audiences, non-canonical token encodings, headers
// on every answer, slow bodies and connections per address.
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capConnectionsPerAddress } from "@/lib/http/connection-cap";
import { BODY_TIMEOUT_MS } from "@cluster-console/auth-server";
import { makeApiClient, postForm, startOAuthServer, testIp, type TestServer } from "@/tests/support/oauth-factories";

let server: TestServer;
let client: Awaited<ReturnType<typeof makeApiClient>>;
beforeAll(async () => {
  server = await startOAuthServer();
  client = await makeApiClient();
});
afterAll(() => server.close());

const from = () => ({ "x-forwarded-for": testIp() });
const postJson = (path: string, text: string) =>
  fetch(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...from() }, body: text });

async function issueToken(): Promise<string> {
  const res = await postForm(server.url, { grant_type: "client_credentials", client_id: client.clientId, client_secret: client.secret }, from());
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

const introspect = (token: string) =>
  fetch(`${server.url}/oauth/introspect`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...from() },
    body: new URLSearchParams({ token, client_id: client.clientId, client_secret: client.secret }).toString(),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as { active: boolean } }));

describe("authorization server hardening", () => {
  it("JSON bodies with a repeated key are refused, as form bodies are", async () => {
    const id = JSON.stringify(client.clientId);
    const secret = JSON.stringify(client.secret);
    // Last one wins in JSON.parse: this used to get a token.
    const repeated = `{"grant_type":"client_credentials","client_id":${id},"client_secret":"ccs_wrong","client_secret":${secret}}`;
    const res = await postJson("/oauth/token", repeated);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid_request", error_description: 'Parameter "client_secret" is repeated.' });
    const escaped = `{"grant_type":"client_credentials","client_id":${id},"client_secret":${secret},"client\\u005fsecret":${secret}}`;
    expect((await postJson("/oauth/token", escaped)).status).toBe(400);
    const intro = await postJson("/oauth/introspect", `{"token":"a","token":"b","client_id":${id},"client_secret":${secret}}`);
    expect(intro.status).toBe(400);
    // Repeats inside nested values are not parameters; the request is served.
    const nested = `{"grant_type":"client_credentials","client_id":${id},"client_secret":${secret},"x":{"a":1,"a":2},"y":[{"b":1,"b":2}]}`;
    expect((await postJson("/oauth/token", nested)).status).toBe(200);
  });

  it("prototype names as audience or scope are unknown, not looked up on Object.prototype", async () => {
    for (const audience of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"]) {
      const res = await postForm(server.url, { grant_type: "client_credentials", client_id: client.clientId, client_secret: client.secret, audience }, from());
      expect(res.status, audience).toBe(400);
      expect(await res.json(), audience).toEqual({ error: "invalid_request", error_description: "Unknown audience." });
      const scoped = await postForm(server.url, { grant_type: "client_credentials", client_id: client.clientId, client_secret: client.secret, scope: audience }, from());
      expect(scoped.status, audience).toBe(400);
      expect(((await scoped.json()) as { error: string }).error, audience).toBe("invalid_scope");
    }
  });

  it("introspection accepts only the canonical base64url spelling of a token", async () => {
    const token = await issueToken();
    expect((await introspect(token)).body.active).toBe(true);
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const standard = (s: string) => Buffer.from(s, "base64url").toString("base64");
    // The last character of a base64 group can carry unused bits: flip one, same bytes.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const last = signature.at(-1)!;
    const strayBits = signature.slice(0, -1) + alphabet[alphabet.indexOf(last) ^ 1];
    expect(Buffer.from(strayBits, "base64url").equals(Buffer.from(signature, "base64url"))).toBe(true);
    const variants = [
      `${header}.${payload}.${signature}==`,
      `${header}.${payload}.${signature}=`,
      `${header}.${payload}.${standard(signature)}`,
      `${header}.${payload}.${strayBits}`,
      `${header}=.${payload}.${signature}`,
      `${header}.${standard(payload)}.${signature}`,
      `${header}.${payload}.${signature} `,
    ];
    for (const variant of variants) {
      // The standard alphabet spells some payloads the same way: nothing to try then.
      if (variant === token) continue;
      const r = await introspect(variant);
      expect(r, variant.slice(-12)).toEqual({ status: 200, body: { active: false } });
    }
  });

  it("every answer of /oauth/* and /.well-known/* says nosniff and may not be framed", async () => {
    const answers = [
      await postForm(server.url, { grant_type: "client_credentials", client_id: client.clientId, client_secret: client.secret }, from()),
      await postForm(server.url, { grant_type: "client_credentials" }, from()),
      await fetch(`${server.url}/oauth/token`, { headers: from() }),
      await fetch(`${server.url}/oauth/introspect`, { method: "POST", headers: { "content-type": "text/plain", ...from() }, body: "x" }),
      await fetch(`${server.url}/.well-known/jwks.json`),
      await fetch(`${server.url}/.well-known/openid-configuration`),
      await fetch(`${server.url}/.well-known/oauth-authorization-server`, { method: "HEAD" }),
    ];
    for (const res of answers) {
      expect(res.headers.get("x-content-type-options"), res.url).toBe("nosniff");
      expect(res.headers.get("content-security-policy"), res.url).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get("x-frame-options"), res.url).toBe("DENY");
    }
  });

  it(`a body that trickles in is cut off after ${BODY_TIMEOUT_MS / 1000} s with a 408`, async () => {
    const { port } = new URL(server.url);
    const socket = net.connect(Number(port), "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    const started = Date.now();
    let answer = "";
    socket.on("data", (d) => (answer += d.toString()));
    const closed = new Promise((r) => socket.once("close", r));
    socket.write(
      "POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\nX-Forwarded-For: 10.9.9.9\r\n\r\ngrant_type=",
    );
    // Keep trickling one byte a second, as a slow-body attacker does.
    const drip = setInterval(() => socket.writable && socket.write("x"), 1_000);
    await closed;
    clearInterval(drip);
    const took = Date.now() - started;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('"error":"invalid_request"');
    expect(took).toBeGreaterThanOrEqual(BODY_TIMEOUT_MS - 100);
    expect(took).toBeLessThan(BODY_TIMEOUT_MS + 3_000);
  }, 20_000);

  it("one address cannot hold more than its share of connections", async () => {
    const capped = http.createServer((_req, res) => res.end("ok"));
    capConnectionsPerAddress(capped, 3, false);
    await new Promise<void>((r) => capped.listen(0, "127.0.0.1", r));
    const { port } = capped.address() as AddressInfo;
    try {
      const sockets = await Promise.all(
        Array.from({ length: 5 }, () => new Promise<net.Socket>((r) => { const s = net.connect(port, "127.0.0.1", () => r(s)); })),
      );
      const states = await Promise.all(
        sockets.map((s) => new Promise<string>((r) => { s.once("close", () => r("closed")); setTimeout(() => r("open"), 500); })),
      );
      expect(states.filter((x) => x === "open").length).toBe(3);
      expect(states.filter((x) => x === "closed").length).toBe(2);
      // A slot frees when a connection closes.
      sockets.find((_, i) => states[i] === "open")!.destroy();
      await new Promise((r) => setTimeout(r, 100));
      const again = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
      expect(again).toBe("ok");
      for (const s of sockets) s.destroy();
    } finally {
      capped.closeAllConnections();
      await new Promise((r) => capped.close(r));
    }
  });
});
