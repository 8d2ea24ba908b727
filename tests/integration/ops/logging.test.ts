// The console's logs, from real processes (production build, scripts/serve.ts
// start): JSON lines; LOG_LEVEL filters every message, start-up included; at
// debug each request has one line carrying the ID returned in X-Request-Id,
// with credential query parameters redacted; a rate-limited caller is logged
// with its address and client ID, never its secret.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshProductionBuild, startConsole, type RunningConsole } from "@/tests/support/console-process";
import { makeApiClient, TEST_KEK } from "@/tests/support/oauth-factories";

const DIST_DIR = ".next-faults"; // shared with the fault tests: one build
const ENV = {
  NEXT_DIST_DIR: DIST_DIR,
  KEY_ENCRYPTION_KEY: TEST_KEK.toString("base64"),
  // Only the client limit is tight here; the address limits are shared with
  // every other test on 127.0.0.1 (the counters live in the test database).
  RATE_LIMIT_CLIENT_POINTS: "2",
  RATE_LIMIT_IP_POINTS: "1000000",
  RATE_LIMIT_FAILED_POINTS: "1000000",
};

const running: RunningConsole[] = [];
beforeAll(() => freshProductionBuild(DIST_DIR), 600_000);
afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
});

async function start(env: Record<string, string>) {
  const c = await startConsole(process.env.DATABASE_URL!, { ...ENV, ...env });
  running.push(c);
  return c;
}

type Line = { level: string; msg: string; time: string; reqId?: string; url?: string; status?: number; ip?: string; clientId?: string; component?: string };

/** Every line printed, parsed: each must be one JSON object. */
function lines(c: RunningConsole): Line[] {
  return c.output
    .join("")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      try {
        return JSON.parse(l) as Line;
      } catch {
        throw new Error(`not a JSON log line: ${l}`);
      }
    });
}

const token = (url: string, clientId: string, secret: string) =>
  fetch(`${url}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: secret }),
  });

const waitFor = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
};

describe("logs", () => {
  it("at LOG_LEVEL=warn print no info line, start-up included, but do print the warnings", async () => {
    const c = await start({ LOG_LEVEL: "warn" });
    const client = await makeApiClient();
    for (let i = 0; i < 4; i++) await token(c.url, client.clientId, client.secret); // the 3rd and 4th are over the client's limit
    expect((await fetch(`${c.url}/signin`)).status).toBe(200);
    await waitFor(() => lines(c).some((l) => l.msg.startsWith("rate limited")));
    const all = lines(c);
    expect(all.filter((l) => l.level === "info" || l.level === "debug")).toEqual([]);
    const warning = all.find((l) => l.msg.startsWith("rate limited"));
    expect(warning).toMatchObject({ level: "warn", clientId: client.clientId });
    expect(warning!.ip).toMatch(/^(127\.0\.0\.1|::1)$/);
    expect(JSON.stringify(all)).not.toContain(client.secret);
  }, 90_000);

  it("at LOG_LEVEL=debug print one line per request with the ID sent back in X-Request-Id, credentials redacted", async () => {
    const c = await start({ LOG_LEVEL: "debug" });
    // Start-up steps are JSON lines too, at info.
    expect(lines(c).some((l) => l.level === "info" && l.component === "console" && /^migrations: /.test(l.msg))).toBe(true);

    const page = await fetch(`${c.url}/docs/cache-tokens?from=%2Fclusters&client_secret=ccs_notreallyasecret&password=hunter2`, { redirect: "manual" });
    const pageId = page.headers.get("x-request-id");
    expect(pageId).toMatch(/^[0-9a-f-]{36}$/);
    const client = await makeApiClient();
    const tok = await token(c.url, client.clientId, "ccs_wrong");
    const tokId = tok.headers.get("x-request-id");
    expect(tokId).toMatch(/^[0-9a-f-]{36}$/);
    expect(tokId).not.toBe(pageId);
    // A well-formed ID from a proxy is kept; a forged-looking one is replaced.
    const kept = await fetch(`${c.url}/healthz`, { headers: { "x-request-id": "edge-7f3a9c21" } });
    expect(kept.headers.get("x-request-id")).toBe("edge-7f3a9c21");
    const replaced = await fetch(`${c.url}/healthz`, { headers: { "x-request-id": "bad id\" level=error" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    await waitFor(() => lines(c).filter((l) => l.reqId).length >= 4);
    const byId = (id: string) => lines(c).filter((l) => l.reqId === id);
    const pageLines = byId(pageId!);
    expect(pageLines).toHaveLength(1);
    expect(pageLines[0]).toMatchObject({ level: "debug", status: 200 });
    expect(pageLines[0]!.url).toBe("/docs/cache-tokens?from=%2Fclusters&client_secret=***&password=***");
    expect(pageLines[0]!.msg).toMatch(/^GET \/docs\/cache-tokens\?from=%2Fclusters&client_secret=\*\*\*&password=\*\*\* 200 \d+ms$/);
    const tokLines = byId(tokId!);
    expect(tokLines).toHaveLength(1);
    expect(tokLines[0]!.msg).toMatch(/^POST \/oauth\/token 401 \d+ms$/);
    expect(byId("edge-7f3a9c21")).toHaveLength(1);

    const text = c.output.join("");
    for (const leak of ["ccs_notreallyasecret", "hunter2", "ccs_wrong", client.secret]) expect(text).not.toContain(leak);
  }, 90_000);
});
