// /metrics: refused without the token, disabled without METRICS_TOKEN, and
// after a known sequence of token requests the counters show exactly it, with
// no client ID (or anything the caller chose) in any label.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { makeApiClient, postForm, testIp, testSettings } from "@/tests/support/oauth-factories";
import { startOpsServer, type OpsServer } from "./ops-server";

const TOKEN = "metrics-token-for-tests-0123456789";
const servers: OpsServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

const scrape = (url: string, auth?: string) => fetch(`${url}/metrics`, { headers: auth ? { authorization: auth } : {} });

/** Sample lines of one metric family: labels text -> value. */
function samples(text: string, name: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    const m = new RegExp(`^${name}(\\{[^}]*\\})? (\\S+)$`).exec(line);
    if (m) out.set(m[1] ?? "", Number(m[2]));
  }
  return out;
}

describe("/metrics", () => {
  it("is refused without the bearer token, or with a wrong one", async () => {
    const s = await startOpsServer({ metricsToken: TOKEN });
    servers.push(s);
    for (const auth of [undefined, "Bearer wrong", `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`]) {
      const res = await scrape(s.url, auth);
      expect(res.status, String(auth)).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      expect(await res.text()).not.toContain("console_token_requests_total");
    }
    const ok = await scrape(s.url, `Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/plain");
    const text = await ok.text();
    // The default process metrics are there too.
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toContain("nodejs_eventloop_lag_seconds");
  });

  it("is disabled (404) when METRICS_TOKEN is unset", async () => {
    const s = await startOpsServer({ metricsToken: undefined });
    servers.push(s);
    for (const auth of [undefined, "Bearer ", "Bearer undefined"]) {
      const res = await scrape(s.url, auth);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("console_");
    }
  });

  it("counts issued, bad-secret and over-the-limit requests exactly, with no client ID in a label", async () => {
    const settings = testSettings();
    const s = await startOpsServer({
      metricsToken: TOKEN,
      settings: { ...settings, limits: { ...settings.limits, client: { points: 5, durationSeconds: 60, blockSeconds: 60 } } },
    });
    servers.push(s);
    const c = await makeApiClient(["ZEEBE", "OPERATE"]);
    const from = { "x-forwarded-for": testIp() };
    const form = (secret = c.secret, extra: Record<string, string> = {}) => ({ grant_type: "client_credentials", client_id: c.clientId, client_secret: secret, ...extra });

    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await postForm(s.url, form(), from)).status);
    statuses.push((await postForm(s.url, form(c.secret, { audience: "operate.test.local" }), from)).status);
    for (let i = 0; i < 2; i++) statuses.push((await postForm(s.url, form("ccs_wrong"), from)).status);
    // An audience the caller made up (here its own client ID): labelled "other", never as sent.
    statuses.push((await postForm(s.url, form(c.secret, { audience: c.clientId }), from)).status);
    for (let i = 0; i < 2; i++) statuses.push((await postForm(s.url, form(), from)).status); // over the client's limit of 5
    expect(statuses).toEqual([200, 200, 200, 200, 401, 401, 400, 429, 429]);

    const text = await (await scrape(s.url, `Bearer ${TOKEN}`)).text();
    expect(Object.fromEntries(samples(text, "console_token_requests_total"))).toEqual({
      '{outcome="issued",audience="zeebe.test.local"}': 3,
      '{outcome="issued",audience="operate.test.local"}': 1,
      '{outcome="invalid_client",audience="none"}': 2,
      '{outcome="invalid_request",audience="other"}': 1,
      '{outcome="rate_limited",audience="none"}': 2,
    });
    const count = samples(text, "console_token_request_duration_seconds_count");
    expect([...count.values()].reduce((a, b) => a + b, 0)).toBe(9);
    expect(count.get('{outcome="issued"}')).toBe(4);
    expect(samples(text, "console_rate_limit_active_blocks").get("")).toBe(1);
    expect(samples(text, "console_listen_connected").get("")).toBe(1);
    const version = JSON.parse(readFileSync("package.json", "utf8")).version;
    expect(samples(text, "console_build_info").get(`{version="${version}",nodejs="${process.versions.node}"}`)).toBe(1);
    expect(samples(text, "console_client_cache_misses_total").get("")).toBeGreaterThanOrEqual(1);
    expect(samples(text, "console_client_cache_hits_total").get("")).toBeGreaterThanOrEqual(4);
    expect(samples(text, "console_db_pool_waiting").get("")).toBe(0);
    expect(samples(text, "console_db_pool_connections_in_use").has("")).toBe(true);

    // Nothing the caller sent or that names a client appears anywhere.
    expect(text).not.toContain(c.clientId);
    expect(text).not.toContain(from["x-forwarded-for"]);
    // Every label value is from a small fixed vocabulary.
    const values = new Set([...text.matchAll(/(\w+)="([^"]*)"/g)].filter(([, k]) => ["outcome", "audience", "result"].includes(k!)).map(([, , v]) => v));
    for (const v of values) expect(v).toMatch(/^(issued|invalid_client|invalid_request|rate_limited|none|other|[a-z]+\.test\.local)$/);
  });

  it("counts introspections by result", async () => {
    const s = await startOpsServer({ metricsToken: TOKEN });
    servers.push(s);
    const c = await makeApiClient();
    const from = { "x-forwarded-for": testIp() };
    const token = ((await (await postForm(s.url, { grant_type: "client_credentials", client_id: c.clientId, client_secret: c.secret }, from)).json()) as { access_token: string }).access_token;
    const introspect = (t: string) =>
      fetch(`${s.url}/oauth/introspect`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...from },
        body: new URLSearchParams({ token: t, client_id: c.clientId, client_secret: c.secret }),
      });
    expect((await (await introspect(token)).json()).active).toBe(true);
    expect((await (await introspect("nonsense")).json()).active).toBe(false);
    expect((await introspect("nonsense")).status).toBe(200);
    const text = await (await scrape(s.url, `Bearer ${TOKEN}`)).text();
    expect(Object.fromEntries(samples(text, "console_introspection_requests_total"))).toEqual({
      '{result="active"}': 1,
      '{result="inactive"}': 2,
    });
  });
});
