// The IP allowlist editors' input: the list as text, one entry a line
// ("203.0.113.0/24 office"), checked entry by entry; the first bad line is
// named in the field error.
import { z } from "zod";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { clientIdSchema } from "@/lib/api-clients/schemas";
import { allowlistFromText, ipAllowlistSchema, IP_ALLOWLIST_MAX } from "@/lib/clusters/ip-allowlist";

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
