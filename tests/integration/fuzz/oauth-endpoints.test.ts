// Property-based fuzzing of POST /oauth/token and POST /oauth/introspect over
// raw node:http (fetch refuses to send much of this): arbitrary methods,
// bodies (bytes, broken percent-encoding, invalid UTF-8, nested JSON, sizes
// around and past the 16 KiB limit), Authorization headers and content types.
// Every answer must be a 4xx (or a 200 for a request carrying valid
// credentials), never a 5xx, JSON with an RFC 6749 error and no-store, within
// 2 s; and nothing may be written. The file runs on its own fresh database so
// that "nothing written" can count whole tables.
import http from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { basic, makeApiClient, startOAuthServer, testSettings, type TestServer } from "../../support/oauth-factories";
import { freshDatabaseUrl } from "../../support/factories";
import { OAUTH_ERRORS, countRows, useFreshDatabase } from "./fuzz-helpers";

/** numRuns per property; the report in docs/reliability.md quotes these. */
export const RUNS = { token: 2_000, introspect: 1_000, basicHeader: 500, sizes: 200 } as const;
const MAX_MS = 2_000;
const LIMIT = 16 * 1024;

let server: TestServer;
let valid: Awaited<ReturnType<typeof makeApiClient>>;
let victim: Awaited<ReturnType<typeof makeApiClient>>;
let realToken: string;
let before: Record<string, number>;

beforeAll(async () => {
  await useFreshDatabase(await freshDatabaseUrl());
  server = await startOAuthServer(testSettings({ databaseUrl: process.env.DATABASE_URL! }));
  valid = await makeApiClient(["ZEEBE", "OPERATE"]);
  victim = await makeApiClient(["ZEEBE"]);
  const res = await send({ path: "/oauth/token", headers: { "content-type": "application/json" }, body: JSON.stringify({ grant_type: "client_credentials", client_id: valid.clientId, client_secret: valid.secret }) });
  realToken = (JSON.parse(res.body) as { access_token: string }).access_token;
  before = await countRows();
});

afterAll(async () => {
  // Nothing the fuzzers sent wrote a row: no client, secret, audit event, key, user.
  expect(await countRows()).toEqual(before);
  const victimRow = await db().apiClient.findUniqueOrThrow({ where: { id: victim.id } });
  expect(victimRow.lastUsedAt).toBeNull();
  await server?.close();
});

interface Sent {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Send the body in two chunks with Transfer-Encoding: chunked (no Content-Length). */
  chunked?: boolean;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

/** One request over a fresh connection; fails (rejects) past MAX_MS. */
function send(r: Sent): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const url = new URL(server.url);
    const req = http.request({ host: url.hostname, port: url.port, method: r.method ?? "POST", path: r.path, agent: false, headers: { "x-forwarded-for": "10.9.9.9", ...r.headers } });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${MAX_MS} ms`));
    }, MAX_MS);
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started });
      });
    });
    // The server may answer 413 and close while a huge body is still being
    // written; only an error without any answer counts.
    req.on("error", (err) => {
      if (answered) return;
      clearTimeout(timer);
      reject(err);
    });
    const body = r.body === undefined ? undefined : Buffer.from(r.body);
    // Framing is explicit: Node's client frames no body for GET, DELETE, ...
    // on its own, and the stray bytes would be a parse error in Node, not ours.
    if (body && r.chunked) req.setHeader("transfer-encoding", "chunked");
    else if (body && !req.hasHeader("content-length")) req.setHeader("content-length", body.length);
    if (body && r.chunked) {
      req.write(body.subarray(0, body.length >> 1));
      req.end(body.subarray(body.length >> 1));
    } else req.end(body);
  });
}

// ---- generators ------------------------------------------------------------

const KNOWN_KEYS = ["grant_type", "client_id", "client_secret", "audience", "scope", "token", "token_type_hint", "resource"];
const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KNOWN_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "prototype", "hasOwnProperty", "", "a[b]", "grant_type[]") },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 10 }) },
);

/** Values that matter (the real IDs and secrets appear so 200s happen) and values that hurt. */
const value = () =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom("client_credentials", "password", "", valid.clientId, valid.secret, victim.clientId, victim.secret.slice(0, -1), "zeebe.camunda.io", "operate.camunda.io", "zeebe.test.local", "Zeebe", "Zeebe Operate", "Admin", realToken) },
    { weight: 2, arbitrary: fc.constantFrom("%", "%zz", "%E0%A4%A", "%00", "%C0%80", "%ED%A0%80", "\u0000", "a\u0000b", "\uD800", "+", "&&", "==", "true", "null", "[]", "{}") },
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 3_000 }).map((n) => "x".repeat(n)) },
  );

/** Arbitrary pairs, or some of a valid request's pairs among arbitrary ones, in any order. */
const pairs = () =>
  fc.oneof(
    fc.array(fc.tuple(key, value()), { maxLength: 8 }),
    fc
      .tuple(
        fc.subarray<[string, string]>([["grant_type", "client_credentials"], ["client_id", valid.clientId], ["client_secret", valid.secret], ["token", realToken]], { minLength: 2 }),
        fc.array(fc.tuple(key, value()), { maxLength: 3 }),
      )
      .chain(([good, bad]) => fc.shuffledSubarray([...good, ...bad], { minLength: good.length + bad.length })),
  );

/** The pairs as a form body: properly encoded, raw (unencoded), or a mix. */
const formBody = () =>
  fc.tuple(pairs(), fc.constantFrom("encoded", "raw", "mixed")).map(([ps, mode]) =>
    ps
      .map(([k, v], i) =>
        mode === "raw" || (mode === "mixed" && i % 2) ? `${k}=${v}` : new URLSearchParams([[k, v]]).toString(),
      )
      .join("&"),
  );

const jsonLeaf = () => fc.oneof(value(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const jsonBody = () =>
  fc.oneof(
    { weight: 4, arbitrary: fc.array(fc.tuple(key, fc.oneof({ weight: 4, arbitrary: jsonLeaf() }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) })), { maxLength: 8 }).map((ps) => `{${ps.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? "null"}`).join(",")}}`) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v) ?? "") },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((s) => `{${s}`) },
  );

const body = () =>
  fc.oneof(
    { weight: 4, arbitrary: formBody() },
    { weight: 3, arbitrary: jsonBody() },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)) },
    { weight: 1, arbitrary: fc.tuple(formBody(), fc.integer({ min: LIMIT - 32, max: 3 * LIMIT })).map(([f, n]) => `${f}&pad=${"x".repeat(n)}`) },
    { weight: 1, arbitrary: fc.constantFrom(Buffer.from([0xff, 0xfe, 0x00, 0x80]), Buffer.from("grant_type=client_credentials&client_id=\xc0\x80", "latin1"), Buffer.from([0xed, 0xa0, 0x80])) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

const contentType = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("application/x-www-form-urlencoded", "application/json") },
  { weight: 2, arbitrary: fc.constantFrom("application/x-www-form-urlencoded; charset=ISO-8859-1", "APPLICATION/JSON;charset=utf-8", "application/json; charset=utf-16", "application/json;;;", " application/json", "multipart/form-data; boundary=x", "text/plain", "application/x-www-form-urlencoded, application/json", "") },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** A header value Node lets through: tabs, visible ASCII and raw bytes 0x80-0xff (so invalid UTF-8 too). */
const headerText = (maxLength = 80) =>
  fc.string({ unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(9)).map((c) => String.fromCharCode(c)), maxLength });
const utf8AsLatin1 = (s: string) => Buffer.from(s, "utf8").toString("latin1");
/** application/x-www-form-urlencoded, as RFC 6749 §2.3.1 asks (lone surrogates become U+FFFD). */
const formEncode = (s: string) => new URLSearchParams([["", s]]).toString().slice(1);
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString("base64");

const authorization = () =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constantFrom(basic(valid.clientId, valid.secret), basic(victim.clientId, "nope"), basic(valid.clientId, victim.secret)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 80 }).map((b) => `Basic ${b64(b)}`) },
    { weight: 1, arbitrary: fc.tuple(value(), value()).map(([a, b]) => `Basic ${b64(`${a}:${b}`)}`) },
    { weight: 1, arbitrary: value().map((a) => `Basic ${b64(a.replace(/:/g, ""))}`) }, // no colon
    { weight: 1, arbitrary: headerText().map((s) => `Basic ${s}`) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }).map((s) => utf8AsLatin1(`Basic ${s}`)) },
    { weight: 1, arbitrary: fc.constantFrom("", "Basic", "Basic ", "basic Og==", "BASIC OmE=", "Basic ===", "Basic %%%", "Bearer x", "Basic\tOmE=", `Basic ${b64(":")}`, `Basic ${b64("a:")}`, `Basic ${b64("%:%")}`, `Basic ${b64("\u0000:\u0000")}`, `Basic ${"A".repeat(12_000)}`) },
    { weight: 1, arbitrary: headerText() },
  );

const extraHeaders = fc.dictionary(fc.stringMatching(/^x-[a-z0-9-]{1,15}$/), headerText(40), { maxKeys: 3 });

const method = fc.oneof({ weight: 8, arbitrary: fc.constant("POST") }, { weight: 1, arbitrary: fc.constantFrom("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD") });

const request = (path: string) =>
  fc.record({ method, body: body(), contentType, authorization: authorization(), extra: extraHeaders, chunked: fc.boolean(), xff: fc.option(headerText(60), { nil: undefined }) }).map(
    (r): Sent => ({
      method: r.method,
      path,
      chunked: r.chunked,
      body: r.body,
      headers: {
        ...r.extra,
        ...(r.contentType !== undefined ? { "content-type": r.contentType } : {}),
        ...(r.authorization !== undefined ? { authorization: r.authorization } : {}),
        ...(r.xff !== undefined ? { "x-forwarded-for": r.xff } : {}),
      },
    }),
  );

// ---- the property ----------------------------------------------------------

/** What every answer must look like; returns the parsed body. */
function checkAnswer(sent: Sent, a: Answer): Record<string, unknown> | undefined {
  const what = `${sent.method} ${sent.path} -> ${a.status} ${a.body.slice(0, 200)}`;
  expect(a.ms, what).toBeLessThan(MAX_MS);
  expect(a.status === 200 || (a.status >= 400 && a.status < 500), what).toBe(true);
  expect(a.headers["cache-control"], what).toBe("no-store");
  expect(a.headers["content-type"], what).toMatch(/^application\/json/);
  if (sent.method === "HEAD") return undefined;
  const parsed = JSON.parse(a.body) as Record<string, unknown>;
  if (a.status !== 200) {
    expect(OAUTH_ERRORS, what).toContain(parsed.error);
    expect(typeof parsed.error_description, what).toBe("string");
    // Nothing sent is ever echoed (no secret, no raw input).
    expect(a.body, what).not.toContain(valid.secret);
    expect(a.body, what).not.toContain(victim.secret.slice(0, -1));
  }
  // Node trims header values; "Basic" alone is still an attempt at Basic.
  if (a.status === 401 && /^basic(\s|$)/i.test((sent.headers?.authorization ?? "").trim())) expect(a.headers["www-authenticate"], what).toMatch(/^Basic /);
  return parsed;
}

/** Whether the request presented the valid client's real secret anywhere. */
const carriesValidSecret = (s: Sent) =>
  (s.headers?.authorization ?? "").includes(basic(valid.clientId, valid.secret).slice(6)) || Buffer.from(s.body ?? "").toString("utf8").includes(valid.secret);

describe("fuzzing the authorization server", () => {
  it(`POST /oauth/token: ${RUNS.token} arbitrary requests, never a 5xx, never a token without credentials`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request("/oauth/token"), async (sent) => {
        const a = await send(sent);
        statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
        const body = checkAnswer(sent, a);
        if (a.status === 200) {
          expect(carriesValidSecret(sent)).toBe(true);
          if (body) expect(body).toMatchObject({ token_type: "Bearer", access_token: expect.any(String) });
        }
      }),
      { numRuns: RUNS.token },
    );
    // The generators reach every outcome, tokens included.
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400, 401, 405, 413, 415]));
  });

  it(`POST /oauth/introspect: ${RUNS.introspect} arbitrary requests, never a 5xx, active only for the real token`, async () => {
    await fc.assert(
      fc.asyncProperty(request("/oauth/introspect"), async (sent) => {
        const a = await send(sent);
        const body = checkAnswer(sent, a);
        if (a.status === 200) {
          expect(carriesValidSecret(sent)).toBe(true);
          if (body?.active) expect(Buffer.from(sent.body ?? "").toString("utf8")).toContain(realToken);
          else if (body) expect(body).toEqual({ active: false });
        }
      }),
      { numRuns: RUNS.introspect },
    );
  });

  it(`Basic credentials: ${RUNS.basicHeader} encoded ID/secret pairs around the real ones`, async () => {
    // Arbitrary text on either side of the colon, form-encoded or not, plus
    // near-misses of the real ID and secret.
    const side = fc.oneof(value(), fc.constantFrom(valid.clientId, valid.secret, `${valid.clientId} `, valid.secret.toUpperCase()));
    await fc.assert(
      fc.asyncProperty(side, side, fc.boolean(), async (id, secret, encode) => {
        const token = encode ? b64(`${formEncode(id)}:${formEncode(secret)}`) : b64(`${id}:${secret}`);
        const sent: Sent = { path: "/oauth/token", headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${token}` }, body: "grant_type=client_credentials" };
        const a = await send(sent);
        checkAnswer(sent, a);
        expect(a.status === 200, `${a.status}`).toBe(id === valid.clientId && secret === valid.secret);
      }),
      { numRuns: RUNS.basicHeader },
    );
  });

  it(`sizes around the ${LIMIT}-byte limit: ${RUNS.sizes} bodies, declared and chunked`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.integer({ min: LIMIT - 64, max: LIMIT + 64 }), fc.integer({ min: 0, max: 70_000 })),
        fc.constantFrom("/oauth/token", "/oauth/introspect"),
        fc.constantFrom("form", "json"),
        fc.boolean(),
        fc.boolean(),
        async (size, path, kind, chunked, lie) => {
          const prefix = kind === "form" ? `grant_type=client_credentials&client_id=${valid.clientId}&client_secret=${valid.secret}&pad=` : `{"grant_type":"client_credentials","pad":"`;
          const suffix = kind === "form" ? "" : `"}`;
          const pad = "x".repeat(Math.max(0, size - prefix.length - suffix.length));
          const sent: Sent = {
            path,
            chunked,
            body: prefix + pad + suffix,
            headers: {
              "content-type": kind === "form" ? "application/x-www-form-urlencoded" : "application/json",
              // A declared length far past the limit is refused before any byte is read.
              ...(lie && !chunked ? { "content-length": "999999999" } : {}),
            },
          };
          const a = await send(sent);
          checkAnswer(sent, a);
          const bytes = Buffer.byteLength(sent.body as string);
          if (bytes > LIMIT || (lie && !chunked)) expect(a.status).toBe(413);
          else expect(a.status).not.toBe(413);
        },
      ),
      { numRuns: RUNS.sizes },
    );
  });
});

describe("what the fuzzers found (fixed)", () => {
  const form = "application/x-www-form-urlencoded";
  it("a client ID holding NUL is invalid_client, not a 503 from PostgreSQL", async () => {
    for (const sent of <Sent[]>[
      { path: "/oauth/token", headers: { "content-type": form, authorization: `Basic ${b64("\u0000:\u0000")}` }, body: "grant_type=client_credentials" },
      { path: "/oauth/token", headers: { "content-type": form }, body: "grant_type=client_credentials&client_id=%00&client_secret=x" },
      { path: "/oauth/introspect", headers: { "content-type": "application/json" }, body: '{"client_id":"a\\u0000b","client_secret":"x","token":"t"}' },
    ]) {
      const a = await send(sent);
      checkAnswer(sent, a);
      expect(a.status).toBe(401);
    }
  });

  it("a client ID longer than a rate-limit key column (255) is invalid_client, not a 503", async () => {
    for (const n of [200, 240, 256, 2048]) {
      const sent = { path: "/oauth/token", headers: { "content-type": form }, body: `grant_type=client_credentials&client_id=${"x".repeat(n)}&client_secret=y` };
      const a = await send(sent);
      checkAnswer(sent, a);
      expect(a.status).toBe(401);
    }
  });

  it('"Authorization: Basic" with nothing after it is a Basic attempt: 401 with a challenge', async () => {
    const sent = { path: "/oauth/token", headers: { "content-type": form, authorization: "Basic " }, body: "grant_type=client_credentials" };
    const a = await send(sent);
    checkAnswer(sent, a);
    expect([a.status, a.headers["www-authenticate"]]).toEqual([401, expect.stringMatching(/^Basic /)]);
  });
});
