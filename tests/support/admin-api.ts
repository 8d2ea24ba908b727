// The Administration API served over real HTTP for integration tests: the
// operation list routed as Next.js routes it (static segments first), on a
// node:http server that also answers /oauth/* from the same runtime. Every
// response passes through `checkResponse`, which validates it against the
// generated OpenAPI document (status declared, body matching its schema).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { OPERATIONS } from "@/lib/admin-api/operations";
import { handleAdminRequest } from "@/lib/admin-api/handle-request";
import { notFoundProblem } from "@/lib/admin-api/problem";
import { openApiDocument } from "@/lib/admin-api/openapi";
import { ADMIN_API_PATH } from "@cluster-console/credentials";
import { createOAuthRuntime, handleOAuthRequest, type OAuthRuntime, type OAuthSettings } from "@cluster-console/auth-server";
import { createAdminClient } from "@/lib/api-clients/create-admin-client";
import { createCluster } from "@/lib/clusters/create-cluster";
import { ADMIN_PERMISSIONS } from "@cluster-console/credentials";
import { makeMember, uniq } from "./factories";
import { TEST_ISSUER, testSettings } from "./oauth-factories";

const routes = OPERATIONS.map((op) => ({
  op,
  names: [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
  re: new RegExp(`^${op.path.replace(/\{\w+\}/g, "([^/]+)")}$`),
}));

async function route(req: http.IncomingMessage, url: URL, runtime: OAuthRuntime): Promise<Response> {
  const sub = url.pathname.slice(ADMIN_API_PATH.length) || "/";
  for (const r of routes) {
    const m = r.re.exec(sub);
    if (!m || r.op.method !== req.method) continue;
    const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
    const hasBody = req.method !== "GET";
    const request = new Request(url, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v ? [[k, v]] : [])) as [string, string][],
      body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
      duplex: "half",
    } as RequestInit);
    return handleAdminRequest(r.op, request, params, runtime.ctx);
  }
  if (routes.some((r) => r.re.test(sub))) return new Response(null, { status: 405 });
  return notFoundProblem();
}

export interface AdminApiServer {
  url: string;
  base: string;
  runtime: OAuthRuntime;
  close(): Promise<void>;
}

/** An instance of its own: own runtime (pool, LISTEN connection, client cache, limiter). */
export async function startAdminApiServer(settings: OAuthSettings = testSettings()): Promise<AdminApiServer> {
  const runtime = createOAuthRuntime(settings);
  await runtime.start();
  const server = http.createServer((req, res) => {
    if (handleOAuthRequest(runtime, req, res)) return;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (!url.pathname.startsWith(ADMIN_API_PATH)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    void route(req, url, runtime).then(async (r) => {
      res.writeHead(r.status, Object.fromEntries(r.headers));
      res.end(Buffer.from(await r.arrayBuffer()));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    base: `${url}${ADMIN_API_PATH}`,
    runtime,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await runtime.close();
    },
  };
}

// --- the OpenAPI document as the judge of every response ---------------------

export const openApi = openApiDocument(`${TEST_ISSUER}${ADMIN_API_PATH}`) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(openApi as object, "openapi");
const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/** Fails the test unless the status is documented for the operation and the body matches its schema. */
export function checkResponse(method: string, pathTemplate: string, status: number, contentType: string | null, body: unknown): void {
  const op = openApi.paths[pathTemplate]?.[method.toLowerCase()];
  expect(op, `${method} ${pathTemplate} is in the OpenAPI document`).toBeDefined();
  const response = op!.responses[String(status)];
  expect(response, `${method} ${pathTemplate} documents status ${status}`).toBeDefined();
  if (!response!.content) {
    expect(body, `${status} has no body`).toBe("");
    return;
  }
  const type = (contentType ?? "").split(";")[0]!.trim();
  expect(Object.keys(response!.content), `${method} ${pathTemplate} ${status} content type`).toContain(type);
  const validate = ajv.getSchema(`openapi#/${pointer("paths", pathTemplate, method.toLowerCase(), "responses", String(status), "content", type, "schema")}`)!;
  const ok = validate(body);
  expect(ok ? [] : validate.errors, `${method} ${pathTemplate} ${status} body matches the OpenAPI schema`).toEqual([]);
}

export interface ApiResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** Calls the API and checks the answer against the OpenAPI document. */
export async function callApi<T = unknown>(
  server: AdminApiServer,
  token: string | null,
  method: string,
  pathTemplate: string,
  params: Record<string, string> = {},
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<ApiResult<T>> {
  // "/activity/json?action=client.*": the query is sent, the template judged.
  const [template = pathTemplate, query] = pathTemplate.split(/\?(.*)/s);
  const path = template.replace(/\{(\w+)\}/g, (_m, k: string) => encodeURIComponent(params[k] ?? "")) + (query !== undefined ? `?${query}` : "");
  const res = await fetch(`${server.base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...extraHeaders,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const type = res.headers.get("content-type");
  const parsed = type?.includes("json") && text ? (JSON.parse(text) as unknown) : text;
  checkResponse(method, template, res.status, type, parsed);
  return { status: res.status, headers: res.headers, body: parsed as T };
}

/** An access token for the Administration API from the test server's token endpoint. */
export async function adminToken(server: AdminApiServer, clientId: string, secret: string, scope?: string): Promise<string> {
  const res = await fetch(`${server.url}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: secret, ...(scope ? { scope } : {}) }).toString(),
  });
  const body = (await res.json()) as { access_token?: string; error?: string };
  if (!body.access_token) throw new Error(`no token: ${res.status} ${body.error}`);
  return body.access_token;
}

/**
 * An owner, a cluster of their organization, and Administration API
 * credentials with every permission; `call` sends a request with their token.
 */
export async function ownerWithAdminApi(server: AdminApiServer) {
  const owner = await makeMember("OWNER");
  const cluster = await createCluster(owner, { name: `cluster-${uniq()}`, region: "bru-2" });
  const admin = await createAdminClient(owner, { name: `ci-${uniq()}`, permissions: [...ADMIN_PERMISSIONS] });
  const token = await adminToken(server, admin.clientId, admin.clientSecret);
  const call = <T = unknown>(method: string, path: string, params: Record<string, string> = {}, body?: unknown) =>
    callApi<T>(server, token, method, path, params, body);
  return { owner, cluster, admin, call };
}
