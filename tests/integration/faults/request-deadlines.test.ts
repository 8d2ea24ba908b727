// Slow bodies against a production build (scripts/serve.ts start): a POST
// whose body trickles in one byte a second, to the Administration API (with a
// valid token, so the handler waits for the body) and to the sign-in paths
// (the server action on /signin and next-auth's credentials callback), is
// answered 408 or closed within the one request deadline
// (lib/http/request-deadlines.ts), not after Node's default 300 s (issue 22.10).
// Run it alone: flock /tmp/heavy.lock npx vitest run tests/integration/faults/request-deadlines.test.ts
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEEP_ALIVE_MS, REQUEST_DEADLINE_MS } from "@/lib/http/request-deadlines";
import { createAdminClient } from "@/lib/api-clients/create-admin-client";
import { freshProductionBuild, startConsole, type RunningConsole } from "@/tests/support/console-process";
import { makeMember } from "@/tests/support/factories";
import { TEST_KEK } from "@/tests/support/oauth-factories";

const DIST_DIR = ".next-faults";
/** Node looks for late requests once a second (CHECK_INTERVAL_MS); the rest is this machine's slack. */
const ANSWERED_WITHIN_MS = REQUEST_DEADLINE_MS + 4_000;
/** How long the test keeps dripping before it calls the request unanswered. */
const GIVE_UP_MS = REQUEST_DEADLINE_MS + 15_000;

let app: RunningConsole;
let adminToken: string;

beforeAll(async () => {
  await freshProductionBuild(DIST_DIR);
  app = await startConsole(process.env.DATABASE_URL!, {
    NEXT_DIST_DIR: DIST_DIR,
    RATE_LIMIT_IP_POINTS: "1000000",
    RATE_LIMIT_CLIENT_POINTS: "1000000",
    RATE_LIMIT_FAILED_POINTS: "1000000",
    KEY_ENCRYPTION_KEY: TEST_KEK.toString("base64"),
  });
  const owner = await makeMember("OWNER");
  const creds = await createAdminClient(owner, { name: `ci-${Date.now()}`, permissions: ["CLUSTERS_CREATE"] });
  const res = await fetch(`${app.url}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: creds.clientId, client_secret: creds.clientSecret }),
  });
  adminToken = ((await res.json()) as { access_token: string }).access_token;
  expect(adminToken).toBeTruthy();
}, 900_000);
afterAll(() => app?.stop());

interface Outcome {
  ms: number;
  /** The status line the server sent, if any, before it closed. */
  status: number | null;
  closed: boolean;
}

/** Sends the headers at once, then the body one byte a second; settles when the server answers or closes. */
function slowPost(path: string, headers: Record<string, string>, length = 200): Promise<Outcome> {
  const { port, hostname } = new URL(app.url);
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect(Number(port), hostname);
    let received = "";
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearInterval(drip);
      clearTimeout(giveUp);
      const m = /^HTTP\/1\.1 (\d{3})/.exec(received);
      resolve({ ms: performance.now() - started, status: m ? Number(m[1]) : null, closed });
      socket.destroy();
    };
    socket.on("data", (d) => {
      received += d.toString("latin1");
      if (/^HTTP\/1\.1 \d{3}/.test(received)) finish(false);
    });
    socket.on("close", () => finish(true));
    socket.on("error", () => finish(true));
    const head = Object.entries({ Host: `${hostname}:${port}`, "Content-Length": String(length), Connection: "keep-alive", ...headers })
      .map(([k, v]) => `${k}: ${v}`)
      .join("\r\n");
    socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\n\r\n`);
    let sent = 0;
    const drip = setInterval(() => {
      if (sent < length - 1) socket.write(sent++ === 0 ? "{" : " ");
    }, 1_000);
    const giveUp = setTimeout(() => finish(false), GIVE_UP_MS);
  });
}

describe("request deadline on every path", () => {
  it(`a body trickling in to the Administration API and to sign-in is answered 408 or closed within ${ANSWERED_WITHIN_MS / 1000} s`, async () => {
    const origin = app.url;
    const cases = {
      "Administration API POST /clusters": () =>
        slowPost("/api/admin/v1/clusters", { Authorization: `Bearer ${adminToken}`, "Content-Type": "application/json" }),
      "sign-in server action POST /signin": () =>
        slowPost("/signin", { Origin: origin, "Content-Type": "application/x-www-form-urlencoded", Accept: "text/html" }),
      "next-auth POST /api/auth/callback/credentials": () =>
        slowPost("/api/auth/callback/credentials", { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" }),
    };
    // A burst: three slow posts per path at once.
    const runs = Object.entries(cases).flatMap(([name, run]) => [0, 1, 2].map(async () => ({ name, ...(await run()) })));
    const outcomes = await Promise.all(runs);
    console.log(outcomes.map((o) => `${o.name}: ${o.status ?? "no answer"}${o.closed ? ", closed" : ""} after ${(o.ms / 1000).toFixed(1)} s`).join("\n"));
    for (const o of outcomes) {
      expect(o.ms, o.name).toBeLessThan(ANSWERED_WITHIN_MS);
      expect(o.status === 408 || (o.status === null && o.closed), `${o.name}: ${o.status}`).toBe(true);
    }
  }, 120_000);
});

describe("idle kept-alive connections", () => {
  it("stay open past Node's default 5 s, and the answer says for how long", async () => {
    const { port, hostname } = new URL(app.url);
    const socket = net.connect(Number(port), hostname);
    let received = "";
    socket.on("data", (d) => {
      received += d.toString("latin1");
    });
    const closed = new Promise<void>((r) => socket.once("close", () => r()));
    const answers = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const tick = setInterval(() => {
          const done = (received.match(/HTTP\/1\.1 200 OK\r\n/g) ?? []).length >= n;
          const failed = socket.destroyed || Date.now() - started > 10_000;
          if (!done && !failed) return;
          clearInterval(tick);
          if (done) resolve();
          else reject(new Error(`answer ${n} missing: ${JSON.stringify(received)}`));
        }, 20);
      });
    const get = () => socket.write(`GET /healthz HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: keep-alive\r\n\r\n`);
    get();
    await answers(1);
    expect(received).toMatch(new RegExp(`^Keep-Alive: timeout=${KEEP_ALIVE_MS / 1000}\r$`, "im"));
    // Idle for longer than Node's default keep-alive timeout, then reuse it.
    await new Promise((r) => setTimeout(r, 6_500));
    expect(socket.destroyed).toBe(false);
    get();
    await answers(2);
    socket.end();
    await closed;
  }, 30_000);
});
