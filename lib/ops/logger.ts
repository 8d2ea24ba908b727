// The process's logger: JSON lines through pino in production (one object per
// line, for a log collector), human-readable lines in development (pino-pretty
// when installed). Every message honours LOG_LEVEL. Credentials never reach a
// line: known field names are censored by pino's redaction, and URLs are
// logged through lib/http/redact-url.ts.
//
// Plain Node (no `server-only`, no `@/` imports): scripts/serve.ts, the
// authorization server and the key-rotation script all log through it.
import { createRequire } from "node:module";
import path from "node:path";
import { format, stripVTControlCharacters } from "node:util";
import pino, { type DestinationStream, type Logger } from "pino";
import { logSettings } from "../config";
import { REDACTED } from "../http/redact-url";

export type { Logger };
export type LogFormat = "json" | "pretty";

const SECRET_FIELDS = ["password", "secret", "client_secret", "clientSecret", "token", "access_token", "authorization", "cookie"];

/** Field names censored wherever they appear at the top level, one or two levels down. */
export const REDACT_PATHS = [...SECRET_FIELDS, ...SECRET_FIELDS.map((f) => `*.${f}`), ...SECRET_FIELDS.map((f) => `*.*.${f}`)];

export interface LoggerOptions {
  level?: string;
  format?: LogFormat;
  /** Where lines go (tests); stdout otherwise. */
  destination?: DestinationStream;
}

const LEVELS = new Set(["debug", "info", "warn", "error"]);

export function createLogger(opts: LoggerOptions = {}): Logger {
  const level = opts.level && LEVELS.has(opts.level) ? opts.level : "info";
  const options = {
    level,
    base: { pid: process.pid },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  if (opts.destination) return pino(options, opts.destination);
  if (opts.format === "pretty") {
    const pretty = loadPretty();
    // Synchronous: a line printed just before the process exits is not lost.
    if (pretty) {
      const stream = pretty({
        sync: true,
        colorize: process.stdout.isTTY,
        translateTime: "HH:MM:ss.l",
        ignore: "pid,hostname,component",
        singleLine: true,
        messageFormat: "{if component}[{component}] {end}{msg}",
      });
      return pino(options, stream);
    }
  }
  return pino(options, pino.destination({ fd: 1, sync: true }));
}

type Pretty = (o: Record<string, unknown>) => DestinationStream;

/** pino-pretty is a development dependency: absent in a production install, JSON is printed instead. */
function loadPretty(): Pretty | undefined {
  try {
    const require = createRequire(path.join(process.cwd(), "package.json"));
    const mod = require("pino-pretty") as Pretty | { default: Pretty };
    return typeof mod === "function" ? mod : mod.default;
  } catch {
    return undefined;
  }
}

let root: Logger | undefined;

/** The process's logger, configured from LOG_LEVEL and LOG_FORMAT (default: pretty in development, JSON in production). */
export function logger(): Logger {
  root ??= createLogger(logSettings());
  return root;
}

/**
 * Sends what other code prints with console.* (Next.js's own start-up and
 * error lines, libraries) through the logger, as `component: "next"` lines:
 * the output stays one JSON object per line and LOG_LEVEL filters it too.
 * The logger itself writes to the file descriptor, never through console.
 */
export function routeConsoleToLogger(log: Logger = logger()) {
  const next = log.child({ component: "next" });
  // Colour codes and Next.js's status glyphs mean nothing in a JSON line.
  const text = (args: unknown[]) => stripVTControlCharacters(format(...args)).replace(/^\s*[✓○●⚠⨯▲]\s*/u, "").trimEnd();
  console.log = console.info = (...args: unknown[]) => next.info(text(args));
  console.debug = (...args: unknown[]) => next.debug(text(args));
  console.warn = (...args: unknown[]) => next.warn(text(args));
  console.error = (...args: unknown[]) => next.error(text(args));
}
