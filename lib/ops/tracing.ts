// OpenTelemetry traces, configured only by the standard OTEL_* variables and
// off unless an OTLP endpoint is set (OTEL_EXPORTER_OTLP_ENDPOINT or
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT; OTEL_SDK_DISABLED=true or
// OTEL_TRACES_EXPORTER=none turn it off again). The SDK reads the rest itself:
// OTEL_SERVICE_NAME (default here: cluster-console), OTEL_TRACES_SAMPLER and
// its argument, OTEL_EXPORTER_OTLP_HEADERS, OTEL_BSP_* and so on.
//
// What becomes a span:
// - every request the server receives (scripts/start-up/request-pipeline.ts):
//   one SERVER span, continuing an incoming W3C `traceparent`; token and
//   introspection requests carry their outcome, audience label and client ID
//   (never a secret or a token: the body is not read here);
// - Next.js's own spans for pages, route handlers and server actions (Next
//   reports to the global tracer provider registered here);
// - each Administration API operation (lib/admin-api/route.ts);
// - each PostgreSQL query of the process (pg's Client.query: the
//   authorization server's pool, Prisma's adapter, the limiters), with the
//   statement's text but never its parameters.
//
// Off, none of this costs more than a check of one boolean per request: the
// pipeline does not wrap requests and pg is not patched.
import type { IncomingMessage, ServerResponse } from "node:http";
import { type Attributes, type Span, SpanKind, SpanStatusCode, context, propagation, trace } from "@opentelemetry/api";
import type { OAuthObserver } from "@cluster-console/auth-server";
import type { Config } from "../config";
import { consoleVersion } from "../version";

const TRACER = "cluster-console";

type TracingSettings = Pick<Config, "OTEL_SDK_DISABLED" | "OTEL_TRACES_EXPORTER" | "OTEL_EXPORTER_OTLP_ENDPOINT" | "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT" | "OTEL_SERVICE_NAME">;

/** Whether the standard variables ask for traces (read once, at start-up). */
export function tracingRequested(cfg: TracingSettings): boolean {
  if (cfg.OTEL_SDK_DISABLED === "true" || cfg.OTEL_TRACES_EXPORTER === "none") return false;
  return !!(cfg.OTEL_EXPORTER_OTLP_ENDPOINT || cfg.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

export interface Tracing {
  /** Runs the request's handling inside a SERVER span (and its context). */
  request(req: IncomingMessage, res: ServerResponse, handle: () => void): void;
  /** Puts the authorization server's outcome on the request's span. */
  observer: OAuthObserver;
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

/**
 * Registers the global tracer provider (the W3C trace-context propagator and
 * AsyncLocalStorage context come with it) and patches pg. Called once per
 * serving process, before anything handles a request.
 */
export async function startTracing(cfg: TracingSettings): Promise<Tracing> {
  const { NodeTracerProvider, BatchSpanProcessor } = await import("@opentelemetry/sdk-trace-node");
  const { OTLPTraceExporter } = await import("@opentelemetry/exporter-trace-otlp-http");
  const { resourceFromAttributes, defaultResource } = await import("@opentelemetry/resources");
  const provider = new NodeTracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({
        "service.name": cfg.OTEL_SERVICE_NAME || TRACER,
        "service.version": consoleVersion(),
      }),
    ),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  const tracer = trace.getTracer(TRACER, consoleVersion());
  await tracePostgresQueries();

  return {
    request(req, res, handle) {
      const parent = propagation.extract(context.active(), req.headers);
      const path = pathOf(req.url);
      const span = tracer.startSpan(
        `${req.method ?? "GET"} ${spanRoute(path)}`,
        { kind: SpanKind.SERVER, attributes: { "http.request.method": req.method ?? "GET", "url.path": path } },
        parent,
      );
      res.once("close", () => {
        span.setAttribute("http.response.status_code", res.statusCode);
        if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      });
      context.with(trace.setSpan(parent, span), handle);
    },
    observer: {
      request(event) {
        const span = trace.getActiveSpan();
        if (!span) return;
        const attributes: Attributes = { "oauth.outcome": event.outcome, "oauth.audience": event.audience };
        if (event.clientId) attributes["oauth.client_id"] = event.clientId;
        if (event.active !== undefined) attributes["oauth.token_active"] = event.active;
        span.setAttributes(attributes);
      },
    },
    shutdown: () => provider.shutdown(),
  };
}

/** Runs `work` in a span of this process's tracer; a no-op tracer (tracing off) costs next to nothing. */
export function inSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
  return trace.getTracer(TRACER).startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (err) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      span.end();
    }
  });
}

function pathOf(url: string | undefined): string {
  const raw = url ?? "/";
  const q = raw.indexOf("?");
  return q === -1 ? raw : raw.slice(0, q);
}

/**
 * A low-cardinality name: the fixed paths as they are, anything with an ID in
 * it by its first segments ("/clusters/…"), so span names stay a short list.
 */
function spanRoute(path: string): string {
  if (path.startsWith("/oauth/") || path.startsWith("/.well-known/") || path === "/healthz" || path === "/readyz" || path === "/metrics") return path;
  if (path.startsWith("/api/admin/v1/")) return "/api/admin/v1/…";
  if (path.startsWith("/_next/")) return "/_next/…";
  const first = path.split("/")[1];
  return first ? `/${first}${path.length > first.length + 1 ? "/…" : ""}` : "/";
}

type QueryFn = (...args: unknown[]) => unknown;

/** One CLIENT span per query of node-postgres, for every pool of the process. */
async function tracePostgresQueries() {
  const pg = (await import("pg")).default;
  const proto = pg.Client.prototype as unknown as { query: QueryFn; __traced?: boolean };
  if (proto.__traced) return;
  proto.__traced = true;
  const original = proto.query;
  const tracer = trace.getTracer(TRACER);
  proto.query = function (this: { database?: string }, ...args: unknown[]) {
    const first = args[0] as string | { text?: string; submit?: unknown } | undefined;
    // Cursors and streams (submittables) report as they read: not traced.
    if (!trace.getActiveSpan() || (typeof first === "object" && first && typeof first.submit === "function")) return original.apply(this, args);
    const text = typeof first === "string" ? first : (first?.text ?? "");
    const operation = /^\s*([a-z]+)/i.exec(text)?.[1]?.toUpperCase() ?? "QUERY";
    const span = tracer.startSpan(operation, {
      kind: SpanKind.CLIENT,
      attributes: {
        "db.system.name": "postgresql",
        "db.operation.name": operation,
        "db.query.text": text.slice(0, 1000),
        ...(this.database ? { "db.namespace": this.database } : {}),
      },
    });
    const end = (err?: unknown) => {
      if (err) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, ...rest: unknown[]) => {
        end(err);
        return (last as QueryFn)(err, ...rest);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args) as Promise<unknown> | undefined;
    if (result && typeof result.then === "function") result.then(() => end(), end);
    else end();
    return result;
  };
}
