// Request URLs as they may be written to a log: the value of any query
// parameter that can carry a credential is replaced, even though no form of
// the console sends one in a URL (a hand-typed URL, a misbehaving client or an
// old bookmark still can). One-time links carry their token in the path
// (/invite/<token>, /reset/<token>, lib/one-time-links): that segment is
// replaced too. Plain Node: used by the request pipeline.
const CREDENTIAL_NAME = /password|secret|token|passwd|credential|authorization|api[_-]?key/i;
// A parameter whose value itself looks like a query with a credential
// (e.g. callbackUrl=/x?password=...).
const CREDENTIAL_INSIDE = /(password|secret|token)=/i;
export const REDACTED = "***";
const LINK_PATH = /^(\/(?:invite|reset)\/)[^/?#]+/;

export function redactUrl(url: string): string {
  url = url.replace(LINK_PATH, `$1${REDACTED}`);
  const q = url.indexOf("?");
  if (q === -1) return url;
  const path = url.slice(0, q);
  const hash = url.indexOf("#", q);
  const query = url.slice(q + 1, hash === -1 ? undefined : hash);
  const parts = query.split("&").map((pair) => {
    const eq = pair.indexOf("=");
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    if (eq === -1) return CREDENTIAL_NAME.test(decode(rawName)) ? REDACTED : pair;
    const value = decode(pair.slice(eq + 1));
    return CREDENTIAL_NAME.test(decode(rawName)) || CREDENTIAL_INSIDE.test(value) ? `${rawName}=${REDACTED}` : pair;
  });
  return `${path}?${parts.join("&")}`;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}
