// A real OpenID provider for the tests: panva's oidc-provider (OpenID
// Certified), on a loopback port, with its own login page (devInteractions:
// any login name, any password; the login name is the account). Accounts are
// set by the test (email, email_verified, name, groups).
//
// In front of it sits a small proxy on the issuer's port that passes every
// request through, unless the test asks it to misbehave: answer slowly, serve
// a bad discovery document, or re-sign the ID token the provider issued with a
// wrong issuer, audience, expiry or nonce, with another key, or unsigned
// (alg none); or rotate the provider's keys. The provider stays real; the
// proxy plays the hostile network or a broken provider.
import { generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT, decodeJwt, decodeProtectedHeader, importJWK } from "jose";
import Provider from "oidc-provider";

/** Every client secret of a test provider: ssosecret_ + 32 hex digits. */
export const TEST_SSO_SECRET_PREFIX = "ssosecret_";
export const TEST_SSO_SECRET = /ssosecret_[0-9a-f]{32}/g;

export interface TestAccount {
  email: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
}

export type Tamper =
  | null
  | "slow"
  | "bad-discovery"
  | "wrong-issuer"
  | "wrong-audience"
  | "expired"
  | "other-key"
  | "alg-none"
  | "wrong-nonce"
  | "rotated-key";

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  /** How the proxy misbehaves from now on (null: passes everything through). */
  tamper: Tamper;
  /** Requests that reached the proxy, by path (for asserting what the console fetched). */
  requests: string[];
  close(): Promise<void>;
}

function rsaKey(kid: string): { privateKey: KeyObject; jwk: Record<string, unknown>; publicJwk: Record<string, unknown> } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    privateKey,
    jwk: { ...privateKey.export({ format: "jwk" }), alg: "RS256", use: "sig", kid },
    publicJwk: { ...publicKey.export({ format: "jwk" }), alg: "RS256", use: "sig", kid },
  };
}

const listen = (server: http.Server) =>
  new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));

export async function startTestProvider(opts: { redirectUri: string; clientId?: string; clientSecret?: string }): Promise<TestProvider> {
  const clientId = opts.clientId ?? `console-${Math.random().toString(36).slice(2, 10)}`;
  // A format of its own, so the leak scan (tests/e2e/leak-scan.e2e.ts) can look for every one the tests typed.
  const clientSecret = opts.clientSecret ?? `${TEST_SSO_SECRET_PREFIX}${randomBytes(16).toString("hex")}`;
  const main = rsaKey("key-1");
  const other = rsaKey("key-1"); // same kid, another key: "signed by another key"
  const rotated = rsaKey("key-2");
  const accounts = new Map<string, TestAccount>();

  const front = http.createServer();
  const frontPort = await listen(front);
  const issuer = `http://127.0.0.1:${frontPort}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [main.jwk as never] },
    cookies: { keys: ["test-provider-cookie-key-0123456789"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    // Claims in the ID token itself (the console reads no userinfo).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    // No consent screen: the organization's own application.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope("openid email profile");
      grant.addOIDCClaims(["email", "email_verified", "name", "groups"]);
      await grant.save();
      return grant;
    },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, AuthorizationCode: 60, IdToken: 3600, AccessToken: 3600 },
  });
  const back = http.createServer(provider.callback());
  const backPort = await listen(back);

  const state: TestProvider = {
    issuer,
    clientId,
    clientSecret,
    accounts,
    tamper: null,
    requests: [],
    close: async () => {
      front.closeAllConnections();
      back.closeAllConnections();
      await Promise.all([new Promise((r) => front.close(r)), new Promise((r) => back.close(r))]);
    },
  };

  async function resign(idToken: string, tamper: Tamper): Promise<string> {
    const claims = decodeJwt(idToken);
    const header = decodeProtectedHeader(idToken);
    const now = Math.floor(Date.now() / 1000);
    if (tamper === "alg-none") {
      const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
      return `${enc({ alg: "none", typ: "JWT" })}.${enc(claims)}.`;
    }
    const changed = { ...claims };
    if (tamper === "wrong-issuer") changed.iss = "https://attacker.example";
    if (tamper === "wrong-audience") changed.aud = "another-application";
    if (tamper === "expired") Object.assign(changed, { iat: now - 7200, exp: now - 3600 });
    if (tamper === "wrong-nonce") changed.nonce = "not-the-nonce";
    const key = tamper === "other-key" ? other : tamper === "rotated-key" ? rotated : main;
    return new SignJWT(changed)
      .setProtectedHeader({ alg: "RS256", kid: String(key.jwk.kid), typ: header.typ })
      .sign(await importJWK(key.jwk as never, "RS256"));
  }

  front.on("request", (req, res) => {
    state.requests.push(`${req.method} ${req.url}`);
    const tamper = state.tamper;
    const path = (req.url ?? "").split("?")[0];
    if (tamper === "bad-discovery" && path === "/.well-known/openid-configuration") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"issuer": "' + issuer + '", "authorization_endpoint": 42');
      return;
    }
    if (tamper === "rotated-key" && path === "/jwks") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [main.publicJwk, rotated.publicJwk] }));
      return;
    }
    const forward = () => {
      const upstream = http.request({ host: "127.0.0.1", port: backPort, method: req.method, path: req.url, headers: req.headers }, async (up) => {
        const rewrite = tamper && tamper !== "slow" && path === "/token" && up.statusCode === 200;
        if (!rewrite) {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        for await (const c of up) chunks.push(c as Buffer);
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        if (body.id_token) body.id_token = await resign(body.id_token, tamper);
        const text = JSON.stringify(body);
        const headers = { ...up.headers, "content-length": String(Buffer.byteLength(text)) };
        res.writeHead(200, headers).end(text);
      });
      upstream.on("error", () => res.destroy());
      req.pipe(upstream);
    };
    if (tamper === "slow") setTimeout(forward, 7_000);
    else forward();
  });
  return state;
}

/**
 * Walks the provider's own login page like a browser without JavaScript
 * would (cookies kept, redirects followed, the login form posted) and returns
 * the URL the provider sends the browser back to: the console's callback.
 */
export async function signInAtProvider(authorizationUrl: string, login: string, stopAt: string): Promise<URL> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  let url = new URL(authorizationUrl);
  let init: RequestInit = {};
  for (let hop = 0; hop < 12; hop++) {
    const res = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers as object), cookie: cookieHeader() } });
    keep(res);
    init = {};
    const location = res.headers.get("location");
    if (location) {
      url = new URL(location, url);
      if (url.href.startsWith(stopAt)) return url;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`The provider answered ${res.status}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action || !/name="login"/.test(html)) throw new Error(`No login form on ${url.href}`);
    url = new URL(action.replace(/&amp;/g, "&"), url);
    init = {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ prompt: "login", login, password: "any password" }).toString(),
    };
  }
  throw new Error("Too many redirects at the provider");
}
