// Reads the parameters of a token or introspection request. Both form and
// JSON bodies are accepted; every malformed input becomes invalid_request.
// Unrecognised parameters are ignored, as RFC 6749 §3.2 requires, but a
// parameter given twice is rejected (same section).
import { OAuthError, invalidRequest } from "./errors";
import type { OAuthRequest } from "./types";

export const MAX_BODY_BYTES = 16 * 1024;
const MAX_VALUE_LENGTH = 2048;

export type Params = Map<string, string>;

export function parseParams(req: OAuthRequest): Params {
  if (req.method !== "POST") {
    throw new OAuthError("invalid_request", "Use POST.", 405, { Allow: "POST" });
  }
  const type = headerValue(req.headers["content-type"])?.split(";")[0]?.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") return parseForm(req.body);
  if (type === "application/json") return parseJson(req.body);
  throw invalidRequest("Content-Type must be application/x-www-form-urlencoded or application/json.", 415);
}

function parseForm(body: Buffer): Params {
  const params: Params = new Map();
  // URLSearchParams never throws: bad percent-escapes stay literal, which is
  // then simply a wrong value (e.g. an unknown client).
  for (const [key, value] of new URLSearchParams(body.toString("utf8"))) {
    if (params.has(key)) throw invalidRequest(`Parameter "${safeName(key)}" is repeated.`);
    params.set(key, checkLength(key, value));
  }
  return params;
}

function parseJson(body: Buffer): Params {
  let value: unknown;
  const text = body.toString("utf8");
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidRequest("The body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidRequest("The JSON body must be an object.");
  }
  // JSON.parse keeps the last of repeated keys silently; refuse them as the
  // form body does, so both encodings mean the same thing.
  const seen = new Set<string>();
  for (const key of topLevelKeys(text)) {
    if (seen.has(key)) throw invalidRequest(`Parameter "${safeName(key)}" is repeated.`);
    seen.add(key);
  }
  const params: Params = new Map();
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === "string") params.set(key, checkLength(key, v));
    else if (typeof v === "number" || typeof v === "boolean") params.set(key, checkLength(key, String(v)));
    else if (KNOWN.has(key)) throw invalidRequest(`Parameter "${key}" must be a string.`);
    // Unknown nested values are ignored like any unknown parameter.
  }
  return params;
}

/**
 * The keys of the top-level object of valid JSON text, in order and with
 * repeats (which JSON.parse would fold into one). Only strings and nesting
 * need tracking, since the text has already parsed.
 */
export function topLevelKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (depth === 1 && expectKey) keys.push(JSON.parse(text.slice(i, j + 1)) as string);
      expectKey = false;
      i = j;
    } else if (c === "{" || c === "[") {
      depth++;
      expectKey = c === "{" && depth === 1;
    } else if (c === "}" || c === "]") {
      depth--;
    } else if (c === "," && depth === 1) {
      expectKey = true;
    }
  }
  return keys;
}

const KNOWN = new Set(["grant_type", "client_id", "client_secret", "audience", "scope", "token", "token_type_hint", "resource"]);

function checkLength(key: string, value: string): string {
  if (value.length > MAX_VALUE_LENGTH) throw invalidRequest(`Parameter "${safeName(key)}" is too long.`);
  return value;
}

/** Parameter names are echoed only when they are short and plain. */
function safeName(key: string): string {
  return /^[a-z_]{1,32}$/.test(key) ? key : "?";
}

export function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
