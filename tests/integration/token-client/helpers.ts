// Shared set-up for the token client tests: a per-test cache folder and a
// client pointed at a counting proxy in front of the real token endpoint.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { TokenClient, type TokenClientOptions } from "../../../packages/token-client/src/index";
import type { CountingProxy } from "../../support/counting-proxy";

export const AUDIENCE = "zeebe.test.local";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

export async function tempCacheDir(): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), "token-client-"));
  dirs.push(d);
  return path.join(d, "tokens");
}

export function clientFor(
  proxy: CountingProxy,
  c: { clientId: string; secret: string },
  options: Partial<TokenClientOptions> = {},
): TokenClient {
  return new TokenClient({
    clientId: c.clientId,
    clientSecret: c.secret,
    tokenUrl: proxy.tokenUrl,
    audience: AUDIENCE,
    env: {},
    ...options,
  });
}
