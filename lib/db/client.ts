// The one Prisma client of the process. Secret columns are omitted from every
// query by default; the few places that need them ask with `omit: { x: false }`.
import { PrismaPg } from "@prisma/adapter-pg";
import { freshConfig } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";

const CONNECT_TIMEOUT_MS = 5_000;

function createClient() {
  const cfg = freshConfig();
  const adapter = new PrismaPg({
    connectionString: cfg.DATABASE_URL,
    max: cfg.DATABASE_POOL_SIZE,
    // pg waits forever for a connection by default: with the database
    // unreachable, a page would hang instead of failing into the 503 page.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  return new PrismaClient({
    adapter,
    omit: {
      user: { passwordHash: true },
      clientSecret: { secretHash: true },
      invitation: { tokenHash: true },
      passwordReset: { tokenHash: true },
      connectorSecret: { value: true },
    },
    // Prisma gives up on a transaction that waits 2 s for a connection. A burst
    // of changes queues for the pool; let it wait as long as a new connection
    // may take, so a busy moment is slower instead of an error.
    transactionOptions: { maxWait: CONNECT_TIMEOUT_MS },
  });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { __db?: Db };

/** Lazily created so that importing a module never needs a database. */
export function db(): Db {
  globalForDb.__db ??= createClient();
  return globalForDb.__db;
}
