#!/usr/bin/env node
// cluster-console-token: prints an access token for the API client in the
// environment (source the console's credentials file first). Uses the same
// on-disk cache as the library, so calling it in a loop costs one token
// request per token lifetime.
import { TokenClient } from "./token-client.js";
import { TokenClientConfigError, TokenClientError } from "./errors.js";
import { defaultCacheDir } from "./settings.js";

const USAGE = `Usage: cluster-console-token [options]

Prints an access token for the API client configured in the environment.

Options:
  --audience <aud>   token audience (default: $ZEEBE_TOKEN_AUDIENCE)
  --scope <scopes>   requested scopes (default: $CAMUNDA_TOKEN_SCOPE)
  --no-cache         do not read or write the on-disk cache
  --json             print {"access_token","token_type","expires_at","scope","source"}
  --header           print "Authorization: Bearer <token>"
  -h, --help         show this help

Environment (as in the console's credentials file):
  ZEEBE_CLIENT_ID, ZEEBE_CLIENT_SECRET,
  ZEEBE_AUTHORIZATION_SERVER_URL (or CAMUNDA_OAUTH_URL), ZEEBE_TOKEN_AUDIENCE,
  CLUSTER_CONSOLE_TOKEN_CACHE_DIR (default: ${defaultCacheDir()})

Example:
  source credentials.env
  curl -H "Authorization: Bearer $(./node_modules/.bin/cluster-console-token)" "$ZEEBE_REST_ADDRESS/v2/topology"
`;

interface Args {
  audience?: string;
  scope?: string;
  cache: boolean;
  output: "token" | "json" | "header";
}

function parseArgs(argv: string[]): Args | "help" {
  const args: Args = { cache: true, output: "token" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new TokenClientConfigError(`${a} needs a value.`);
      return v;
    };
    if (a === "-h" || a === "--help") return "help";
    else if (a === "--audience") args.audience = value();
    else if (a.startsWith("--audience=")) args.audience = a.slice(11);
    else if (a === "--scope") args.scope = value();
    else if (a.startsWith("--scope=")) args.scope = a.slice(8);
    else if (a === "--no-cache") args.cache = false;
    else if (a === "--json") args.output = "json";
    else if (a === "--header") args.output = "header";
    else throw new TokenClientConfigError(`Unknown option ${a}. See --help.`);
  }
  return args;
}

async function main(): Promise<number> {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args === "help") {
      process.stdout.write(USAGE);
      return 0;
    }
    const client = new TokenClient({ audience: args.audience, scope: args.scope, ...(args.cache ? {} : { cacheDir: false }) });
    const t = await client.getTokenInfo();
    if (args.output === "json") {
      const out = { access_token: t.accessToken, token_type: t.tokenType, expires_at: t.expiresAt.toISOString(), scope: t.scope, source: t.source };
      process.stdout.write(JSON.stringify(out) + "\n");
    } else if (args.output === "header") process.stdout.write(`Authorization: Bearer ${t.accessToken}\n`);
    else process.stdout.write(t.accessToken + "\n");
    return 0;
  } catch (e) {
    process.stderr.write(`cluster-console-token: ${e instanceof Error ? e.message : "failed"}\n`);
    return e instanceof TokenClientConfigError ? 2 : e instanceof TokenClientError ? 1 : 70;
  }
}

process.exitCode = await main();
