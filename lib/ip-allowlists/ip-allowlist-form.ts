// The IP allowlist editors' input: the list as text, one entry a line
// ("203.0.113.0/24 office"), checked entry by entry; the first bad line is
// named in the field error.
import { z } from "zod";
import { CLIENT_ID_PATTERN } from "@cluster-console/credentials";
import { allowlistFromText, ipAllowlistSchema, IP_ALLOWLIST_MAX } from "@/lib/ip-allowlists/ip-allowlist";

// The same rules as lib/clusters/schemas.ts and lib/api-clients/schemas.ts, without importing them (those import this folder's neighbours).
const clusterIdSchema = z.uuid({ error: "Not a valid cluster ID." });
const clientIdSchema = z.string({ error: "Not a valid client ID." }).regex(CLIENT_ID_PATTERN, "Not a valid client ID.");

const entriesFromText = z
  .string()
  .max(IP_ALLOWLIST_MAX * 300, "The list is too long.")
  .default("")
  .transform((text, ctx) => {
    const raw = allowlistFromText(text);
    const parsed = ipAllowlistSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const line = typeof issue.path[0] === "number" ? `Line ${issue.path[0] + 1}: ` : "";
    ctx.addIssue({ code: "custom", message: `${line}${issue.message}` });
    return z.NEVER;
  });

export const clusterIpAllowlistFormSchema = z
  .object({ clusterId: clusterIdSchema, allowlist: entriesFromText })
  .transform(({ clusterId, allowlist }) => ({ clusterId, entries: allowlist }));

export const clientIpAllowlistFormSchema = z
  .object({ clusterId: clusterIdSchema, clientId: clientIdSchema, allowlist: entriesFromText })
  .transform(({ clusterId, clientId, allowlist }) => ({ clusterId, clientId, entries: allowlist }));
