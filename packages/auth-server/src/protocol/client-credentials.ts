// Client authentication input: client_secret_basic (Authorization header) or
// client_secret_post (body). Using both at once is invalid_request
// (RFC 6749 §2.3: a client MUST NOT use more than one method).
import { OAuthError, invalidRequest } from "./errors";
import { type Params, headerValue } from "./parse-params";
import type { OAuthRequest } from "./types";

export interface PresentedCredentials {
  clientId: string;
  clientSecret: string;
  method: "client_secret_basic" | "client_secret_post";
}

export const BASIC_CHALLENGE = { "WWW-Authenticate": 'Basic realm="oauth", charset="UTF-8"' };

export function readClientCredentials(req: OAuthRequest, params: Params): PresentedCredentials {
  const authorization = headerValue(req.headers.authorization);
  if (authorization !== undefined && /^basic(\s|$)/i.test(authorization)) {
    if (params.has("client_secret")) throw invalidRequest("Use one client authentication method, not two.");
    const decoded = decodeBasic(authorization.slice(6).trim());
    if (!decoded) throw invalidClient("client_secret_basic", "Malformed Basic credentials.");
    const bodyId = params.get("client_id");
    if (bodyId !== undefined && bodyId !== decoded.clientId) throw invalidRequest("client_id does not match the Authorization header.");
    return { ...decoded, method: "client_secret_basic" };
  }
  const clientId = params.get("client_id");
  const clientSecret = params.get("client_secret");
  if (!clientId || !clientSecret) throw invalidClient(undefined, "Client authentication is required.");
  return { clientId, clientSecret, method: "client_secret_post" };
}

export function invalidClient(method: PresentedCredentials["method"] | undefined, description = "Client authentication failed."): OAuthError {
  return new OAuthError("invalid_client", description, 401, method === "client_secret_basic" ? BASIC_CHALLENGE : {});
}

/** RFC 6749 §2.3.1: id and secret are form-encoded before joining with ":". */
function decodeBasic(token: string): { clientId: string; clientSecret: string } | undefined {
  if (!/^[A-Za-z0-9+/]+=*$/.test(token)) return undefined;
  const text = Buffer.from(token, "base64").toString("utf8");
  const colon = text.indexOf(":");
  if (colon <= 0) return undefined;
  const clientId = formDecode(text.slice(0, colon));
  const clientSecret = formDecode(text.slice(colon + 1));
  if (!clientId || !clientSecret) return undefined;
  return { clientId, clientSecret };
}

function formDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s; // not encoded after all (many clients skip the step)
  }
}
