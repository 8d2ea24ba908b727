// OpenTelemetry traces from a real console process (production build, the
// compiled server), received by an OTLP/HTTP collector this test runs: one
// trace per request, continuing the caller's W3C traceparent; the token
// request's span names its outcome, audience and client ID, with the
// PostgreSQL queries it made as children; an Administration API operation and
// a page get spans of their own; no secret or token is ever exported.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminClient } from "@/lib/api-clients/create-admin-client";
import { freshProductionBuild, startConsole, type RunningConsole } from "@/tests/support/console-process";
import { makeMember } from "@/tests/support/factories";
import { TEST_KEK, makeApiClient } from "@/tests/support/oauth-factories";

const DIST_DIR = ".next-faults"; // shared with the fault tests: one build

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Array<{ key: string; value: { stringValue?: string; intValue?: string | number; boolValue?: boolean } }>;
}

const bodies: string[] = [];
const spans: ExportedSpan[] = [];
let collector: http.Server;
let consoleProcess: RunningConsole;

beforeAll(async () => {
  collector = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      bodies.push(body);
      if (req.url === "/v1/traces") {
        const parsed = JSON.parse(body) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: ExportedSpan[] }> }> };
        for (const r of parsed.resourceSpans) for (const s of r.scopeSpans) spans.push(...s.spans);
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  await freshProductionBuild(DIST_DIR);
  consoleProcess = await startConsole(process.env.DATABASE_URL!, {
    NEXT_DIST_DIR: DIST_DIR,
    KEY_ENCRYPTION_KEY: TEST_KEK.toString("base64"),
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
    OTEL_SERVICE_NAME: "console-under-test",
    // The address limits are shared with every other test on 127.0.0.1 (the counters live in the test database).
    RATE_LIMIT_IP_POINTS: "1000000",
    RATE_LIMIT_FAILED_POINTS: "1000000",
    // Export within a moment instead of every 5 s.
    OTEL_BSP_SCHEDULE_DELAY: "100",
  });
}, 600_000);

afterAll(async () => {
  await consoleProcess?.stop();
  collector?.close();
});

const attr = (span: ExportedSpan, key: string) => {
  const v = span.attributes.find((a) => a.key === key)?.value;
  return v?.stringValue ?? v?.boolValue ?? (v?.intValue === undefined ? undefined : Number(v.intValue));
};

async function traceOf(traceId: string, until: (trace: ExportedSpan[]) => boolean): Promise<ExportedSpan[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const trace = spans.filter((s) => s.traceId === traceId);
    if (until(trace)) return trace;
    if (Date.now() > deadline) throw new Error(`trace ${traceId} incomplete: ${JSON.stringify(trace.map((s) => s.name))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const traceparent = () => {
  const traceId = randomBytes(16).toString("hex");
  const parentId = randomBytes(8).toString("hex");
  return { traceId, parentId, header: `00-${traceId}-${parentId}-01` };
};

describe("OpenTelemetry traces", { timeout: 60_000 }, () => {
  it("a token request is one trace, continuing the caller's, with its outcome, audience, client ID and queries, and no secret", async () => {
    const client = await makeApiClient();
    const caller = traceparent();
    const res = await fetch(`${consoleProcess.url}/oauth/token`, {
      method: "POST",
      headers: { traceparent: caller.header, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: client.clientId, client_secret: client.secret }),
    });
    expect(res.status).toBe(200);
    const { access_token } = (await res.json()) as { access_token: string };

    const trace = await traceOf(caller.traceId, (t) => t.some((s) => s.name === "POST /oauth/token") && t.some((s) => attr(s, "db.system.name") === "postgresql"));
    const server = trace.find((s) => s.name === "POST /oauth/token")!;
    expect(server.parentSpanId).toBe(caller.parentId);
    expect(server.kind).toBe(2); // SERVER
    expect(attr(server, "oauth.outcome")).toBe("issued");
    expect(attr(server, "oauth.client_id")).toBe(client.clientId);
    expect(typeof attr(server, "oauth.audience")).toBe("string");
    expect(attr(server, "http.response.status_code")).toBe(200);
    const queries = trace.filter((s) => attr(s, "db.system.name") === "postgresql");
    for (const q of queries) {
      expect(q.kind).toBe(3); // CLIENT
      expect(q.parentSpanId).toBe(server.spanId);
    }
    // Only spans of this request in its trace, and nothing secret exported anywhere.
    expect(trace.every((s) => s === server || s.parentSpanId === server.spanId)).toBe(true);
    const everything = bodies.join("\n");
    expect(everything).not.toContain(client.secret);
    expect(everything).not.toContain(access_token);
    expect(everything).toContain("console-under-test");
  });

  it("an Administration API operation and a page each get spans of their own in their request's trace", async () => {
    const owner = await makeMember("OWNER");
    const admin = await createAdminClient(owner, { name: `Traces ${randomBytes(3).toString("hex")}`, permissions: ["CLUSTERS_GET"] });
    const token = await fetch(`${consoleProcess.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: admin.clientId, client_secret: admin.clientSecret }),
    });
    const { access_token } = (await token.json()) as { access_token: string };
    const api = traceparent();
    const listed = await fetch(`${consoleProcess.url}/api/admin/v1/clusters`, { headers: { authorization: `Bearer ${access_token}`, traceparent: api.header } });
    expect(listed.status).toBe(200);
    // The operation's span and the request's own, which may come in a later export.
    const apiTrace = await traceOf(api.traceId, (t) => t.some((s) => s.name.startsWith("admin_api ")) && t.some((s) => s.name === "GET /api/admin/v1/…"));
    const operation = apiTrace.find((s) => s.name.startsWith("admin_api "))!;
    expect(attr(operation, "http.response.status_code")).toBe(200);
    expect(apiTrace.find((s) => s.name === "GET /api/admin/v1/…")?.parentSpanId).toBe(api.parentId);

    const page = traceparent();
    expect((await fetch(`${consoleProcess.url}/signin`, { headers: { traceparent: page.header } })).status).toBe(200);
    const pageTrace = await traceOf(page.traceId, (t) => t.some((s) => s.name === "GET /signin") && t.length > 1);
    // Next.js's own spans (rendering the route) join the request's trace.
    expect(pageTrace.filter((s) => s.name !== "GET /signin").length).toBeGreaterThan(0);
  });
});
