// IP allowlists: a cluster's (the token endpoint refuses its clients' token
// requests from any other address; an empty list allows everyone) and,
// narrower, a client's own (a request must then match both). Entries are
// IPv4 or IPv6 addresses or CIDR ranges, each with a description, as
// Camunda's Administration API takes them ({ ip, description }). This module
// checks and normalizes them; the token endpoint matches addresses against
// them (packages/auth-server/src/clients/address-allowlist.ts).
import { isIP } from "node:net";
import { z } from "zod";

export interface IpAllowlistEntry {
  ip: string;
  description: string;
}

export const IP_ALLOWLIST_MAX = 100;
export const IP_DESCRIPTION_MAX = 200;

/** "10.0.0.0/8" or "2001:db8::1" -> its canonical text; undefined when it is neither. */
export function normalizeIpEntry(raw: string): string | undefined {
  const text = raw.trim();
  const [addr, prefix, extra] = text.split("/");
  if (extra !== undefined || !addr) return undefined;
  const family = isIP(addr);
  if (!family) return undefined;
  if (prefix === undefined) return addr.toLowerCase();
  if (!/^\d{1,3}$/.test(prefix)) return undefined;
  const bits = Number(prefix);
  if (bits > (family === 4 ? 32 : 128)) return undefined;
  return `${addr.toLowerCase()}/${bits}`;
}

export const ipAllowlistEntrySchema = z.object({
  ip: z
    .string({ error: "Enter an IP address or CIDR range." })
    .max(64, "Enter an IP address or CIDR range.")
    .transform((v, ctx) => {
      const ip = normalizeIpEntry(v);
      if (!ip) {
        ctx.addIssue({ code: "custom", message: `${v.slice(0, 64)} is not an IPv4/IPv6 address or CIDR range (such as 203.0.113.0/24).` });
        return z.NEVER;
      }
      return ip;
    }),
  description: z.string().trim().max(IP_DESCRIPTION_MAX, `Use at most ${IP_DESCRIPTION_MAX} characters.`).default(""),
});

export const ipAllowlistSchema = z.array(ipAllowlistEntrySchema).max(IP_ALLOWLIST_MAX, `At most ${IP_ALLOWLIST_MAX} entries.`);

/** The stored JSON as entries: anything malformed is dropped (never matches). */
export function storedAllowlist(json: unknown): IpAllowlistEntry[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((e) => {
    const ip = typeof e?.ip === "string" ? normalizeIpEntry(e.ip) : undefined;
    return ip ? [{ ip, description: typeof e.description === "string" ? e.description : "" }] : [];
  });
}

/** The text form of the console's editor: one entry a line, "address description". */
export function allowlistToText(entries: readonly IpAllowlistEntry[]): string {
  return entries.map((e) => (e.description ? `${e.ip} ${e.description}` : e.ip)).join("\n");
}

export function allowlistFromText(text: string): Array<{ ip: string; description: string }> {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => {
      const [ip, ...rest] = l.split(/\s+/);
      return { ip: ip ?? "", description: rest.join(" ") };
    });
}
