// The counter key for a source address, shared by the token endpoint's and
// the console sign-in's limits. Addresses come from the socket or from a
// trusted proxy's X-Forwarded-For; with too few proxy hops that header is the
// caller's own text, so anything that does not look like an IP address is
// counted under its digest: a counter key never holds what a caller typed.
import { createHash } from "node:crypto";

export function addressKey(address: string): string {
  return /^[0-9A-Fa-f.:]{1,45}$/.test(address) ? address : `#${createHash("sha256").update(address, "utf8").digest("base64url")}`;
}
