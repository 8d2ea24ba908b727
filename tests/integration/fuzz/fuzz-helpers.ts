// Shared by the fuzz suites: a database of their own (so whole tables can be
// counted and compared while other test files run in parallel), and what an
// RFC 6749 error may say.
import { expect } from "vitest";
import { db, type Db } from "@/lib/db/client";
import { OAUTH_ERROR_CODES } from "@cluster-console/credentials";

/** The server's error codes, with `rate_limited` answered as RFC 8628's slow_down (packages/auth-server/src/router.ts). */
export const OAUTH_ERRORS = OAUTH_ERROR_CODES.map((code) => (code === "rate_limited" ? "slow_down" : code));

/** Points this process's Prisma client at `url` (call before anything touches db()). */
export async function useFreshDatabase(url: string) {
  const g = globalThis as unknown as { __db?: Db };
  if (g.__db) await g.__db.$disconnect();
  g.__db = undefined;
  process.env.DATABASE_URL = url;
  const [row] = await db().$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
  expect(new URL(url).pathname).toBe(`/${row!.name}`);
}

/** Every application table; rate-limit counters are meant to change. */
async function tables(): Promise<string[]> {
  const rows = await db().$queryRaw<{ t: string }[]>`
    SELECT tablename AS t FROM pg_tables
     WHERE schemaname = 'public' AND tablename NOT IN ('oauth_rate_limits') ORDER BY 1`;
  return rows.map((r) => r.t);
}

export async function countRows(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await tables()) {
    const [r] = await db().$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${t}"`);
    out[t] = Number(r!.n);
  }
  return out;
}

/** Row count and a digest of every row of every table: any write shows. */
export async function snapshotDatabase(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of await tables()) {
    const [r] = await db().$queryRawUnsafe<{ n: bigint; digest: string }[]>(
      `SELECT count(*) AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS digest FROM "${t}" x`,
    );
    out[t] = `${r!.n}:${r!.digest}`;
  }
  return out;
}
