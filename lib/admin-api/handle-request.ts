// The one request pipeline of the Administration API, in order:
//   token (401) -> per-client rate limit (429) -> permission (403) -> not implemented here (501) ->
//   path parameters (404) -> query parameters (400) -> JSON body (400) -> the domain function.
// Every error is RFC 9457 problem details; a domain AppError maps to its
// status here, and anything unexpected (the database is down) to a 503:
// never a 500 with a stack, never a half-written change (the domain runs
// each change in one transaction).
import "server-only";
import { AppError, RetryLater } from "@/lib/errors";
import { type OAuthContext, verifyAdminToken } from "@cluster-console/auth-server";
import { ADMIN_SCOPE } from "@cluster-console/credentials";
import { adminApiContext } from "@/lib/admin-api/runtime";
import { RawJson, StreamedBody, WithHeaders, type AdminPrincipal, type Operation } from "@/lib/admin-api/operation";
import { fieldProblems, invalidRequest, notFoundProblem, problemResponse, type FieldProblem } from "@/lib/admin-api/problem";

export const MAX_BODY_BYTES = 64 * 1024;

const unauthorized = (detail: string) =>
  problemResponse(401, "unauthorized", "Unauthorized", {
    detail,
    headers: { "WWW-Authenticate": 'Bearer realm="administration-api", error="invalid_token"' },
  });

/** `context`: the authorization server to check against; this process's own unless a test passes one. */
export async function handleAdminRequest(
  op: Operation,
  req: Request,
  rawParams: Record<string, unknown>,
  context?: OAuthContext,
): Promise<Response> {
  try {
    const ctx = context ?? (await adminApiContext());
    const client = await admitCaller(ctx, op, req);
    if (client instanceof Response) return client;
    // An operation the console cannot do for anyone: a problem that says why.
    if (op.response.status === 501) {
      return problemResponse(501, "not-implemented", "Not implemented", { detail: op.response.description });
    }
    const input = await parseInput(op, req, rawParams);
    if (input instanceof Response) return input;
    const principal: AdminPrincipal = {
      organizationId: client.organizationId,
      userId: null,
      clientId: client.clientId,
      email: `${client.name} (API client)`,
      role: "ADMIN",
    };
    const result = await op.run({ principal, ...input, oauth: ctx.settings });
    return respond(op, result);
  } catch (err) {
    if (err instanceof AppError) return fromAppError(op, err);
    if (err instanceof RetryLater) {
      return problemResponse(429, "rate-limited", "Too many requests", {
        detail: err.message,
        headers: { "Retry-After": String(err.retryAfterSeconds) },
      });
    }
    console.error(`[admin-api] ${op.operationId}: ${(err as Error).message}`);
    return problemResponse(503, "unavailable", "Temporarily unavailable", {
      detail: "The Administration API cannot serve this request right now; retry shortly.",
      headers: { "Retry-After": "5" },
    });
  }
}

/** The token (401), the per-client rate limit (429) and the permission (403): the calling client, or the problem. */
async function admitCaller(ctx: OAuthContext, op: Operation, req: Request) {
  const auth = await verifyAdminToken(ctx, req.headers.get("authorization"));
  if (!auth.ok) {
    return unauthorized(
      auth.reason === "missing"
        ? "Send an access token: Authorization: Bearer <token> (client credentials grant at /oauth/token)."
        : "The access token is invalid or expired, or its client or the secret it was obtained with was revoked.",
    );
  }
  const { client, permissions } = auth;
  // The token endpoint's per-client limiter, under its own key: API calls
  // and token requests are counted apart, with the same limits.
  const limited = await ctx.limits.client.consume(`api:${client.clientId}`);
  if (!limited.ok) {
    const seconds = Math.max(1, Math.ceil(limited.retryAfterMs / 1000));
    return problemResponse(429, "rate-limited", "Too many requests", {
      detail: "This client is over its request limit; retry later.",
      headers: { "Retry-After": String(seconds) },
    });
  }
  ctx.lastUsed.touch(client.id);
  if (!permissions.includes(op.permission)) {
    return problemResponse(403, "forbidden", "Forbidden", {
      detail: `This operation needs the ${ADMIN_SCOPE[op.permission]} permission.`,
    });
  }
  return client;
}

/** Path parameters (404), query parameters (400) and the JSON body (400), parsed by the operation's schemas, or the problem. */
async function parseInput(op: Operation, req: Request, rawParams: Record<string, unknown>): Promise<{ params: unknown; query: unknown; body: unknown } | Response> {
  const params = op.params ? op.params.safeParse(rawParams) : { success: true as const, data: {} };
  // A malformed ID names nothing that exists: the same 404 as a missing one.
  if (!params.success) return notFoundProblem();

  let query: unknown = {};
  if (op.query) {
    // Each parameter once; a repeated one keeps the first, as the console's pages do.
    const sp = new URL(req.url).searchParams;
    const parsed = op.query.safeParse(Object.fromEntries([...new Set(sp.keys())].map((k) => [k, sp.get(k) ?? ""])));
    if (!parsed.success) return invalidRequest(fieldProblems(parsed.error), "Invalid query parameter");
    query = parsed.data;
  }

  let body: unknown;
  if (op.body) {
    const read = await readJson(req);
    if (!read.ok) return read.response;
    const parsed = op.body.safeParse(read.value);
    if (!parsed.success) return invalidRequest(fieldProblems(parsed.error));
    body = parsed.data;
  }
  return { params: params.data, query, body };
}

function respond(op: Operation, reply: unknown): Response {
  const own = reply instanceof WithHeaders || reply instanceof StreamedBody ? reply.headers : {};
  const headers = { "Cache-Control": "no-store", ...own };
  if (op.response.status === 204) return new Response(null, { status: 204, headers });
  if (op.response.status === 501) throw new Error(`${op.operationId} is not implemented`);
  const type = "csv" in op.response ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
  if (reply instanceof StreamedBody) return new Response(reply.stream, { status: 200, headers: { ...headers, "Content-Type": type } });
  const result = reply instanceof WithHeaders ? reply.body : reply;
  if ("csv" in op.response) return new Response(String(result), { status: 200, headers: { ...headers, "Content-Type": type } });
  const json = result instanceof RawJson ? result.json : JSON.stringify(result);
  return new Response(json, { status: 200, headers: { ...headers, "Content-Type": type } });
}

function fromAppError(op: Operation, err: AppError): Response {
  const errors: FieldProblem[] = Object.entries(err.fieldErrors ?? {}).flatMap(([field, messages]) =>
    (messages ?? []).map((detail) => ({ pointer: `#/${op.fieldNames?.[field] ?? field}`, detail })),
  );
  switch (err.code) {
    case "not_found":
      return notFoundProblem(err.message);
    case "forbidden":
      return problemResponse(403, "forbidden", "Forbidden", { detail: err.message });
    case "unauthenticated":
      return unauthorized(err.message);
    case "invalid_input":
      return errors.length ? invalidRequest(errors) : problemResponse(400, "invalid-request", "Invalid request", { detail: err.message });
    case "conflict":
      // A taken name is a field error (Camunda answers 400); a state conflict is a 409.
      if (errors.length) return invalidRequest(errors, op.conflictTitle ?? "Invalid request");
      return problemResponse(409, "conflict", "Conflict", { detail: err.message });
  }
}

async function readJson(req: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const tooLarge = () => ({ ok: false as const, response: problemResponse(413, "too-large", "Request body too large", { detail: `At most ${MAX_BODY_BYTES} bytes.` }) });
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => {});
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  // An empty body is an empty object: every field is then reported missing by name.
  if (!text) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: invalidRequest([{ pointer: "#", detail: "The body is not valid JSON." }], "Invalid JSON") };
  }
}

