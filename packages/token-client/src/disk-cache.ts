// The on-disk token cache: one JSON file per token URL + client ID + audience
// + scope, so several processes (a CLI in a loop, workers on one host) share
// one token instead of each asking the server for its own.
//
// A file is trusted only if it is a regular file (not a symlink) owned by the
// current user, readable by nobody else (mode 0600), small, well-formed, and
// names the same token URL, client ID, audience and scope. Anything else is
// ignored and later replaced. Writes go to a temporary file that is renamed
// into place, so a reader never sees half a file.
import { createHash, randomBytes } from "node:crypto";
import { constants, promises as fs } from "node:fs";
import path from "node:path";

export interface CachedToken {
  accessToken: string;
  tokenType: string;
  /** The scopes the server granted (space-separated). */
  grantedScope?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Epoch milliseconds, when the server issued it (as seen by this client). */
  obtainedAt: number;
}

export interface CacheKey {
  tokenUrl: string;
  clientId: string;
  audience?: string;
  scope?: string;
}

interface CacheFile extends CachedToken, CacheKey {
  version: 1;
}

const MAX_FILE_BYTES = 64 * 1024;

export class DiskTokenCache {
  readonly file: string;

  constructor(
    readonly dir: string,
    private readonly key: CacheKey,
  ) {
    const digest = createHash("sha256")
      .update(JSON.stringify([key.tokenUrl, key.clientId, key.audience ?? "", key.scope ?? ""]))
      .digest("hex")
      .slice(0, 32);
    const slug = key.clientId.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 40);
    this.file = path.join(dir, `${slug}-${digest}.json`);
  }

  /** The cached token, or undefined when there is none worth trusting. Never throws. */
  async read(): Promise<CachedToken | undefined> {
    let handle: fs.FileHandle | undefined;
    try {
      handle = await fs.open(this.file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
      const st = await handle.stat();
      if (!st.isFile() || st.size > MAX_FILE_BYTES) return undefined;
      if (process.platform !== "win32") {
        if (typeof process.getuid === "function" && st.uid !== process.getuid()) return undefined;
        if ((st.mode & 0o077) !== 0) return undefined;
      }
      const parsed: unknown = JSON.parse(await handle.readFile("utf8"));
      return this.validate(parsed);
    } catch {
      return undefined;
    } finally {
      await handle?.close().catch(() => {});
    }
  }

  /** Best effort: a read-only or full disk only costs the next process a token request. */
  async write(token: CachedToken): Promise<void> {
    const body: CacheFile = { version: 1, ...this.key, ...token };
    const tmp = `${this.file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
      // "wx": never follow or reuse an existing path; mode applies at creation.
      await fs.writeFile(tmp, JSON.stringify(body), { mode: 0o600, flag: "wx" });
      await fs.rename(tmp, this.file);
    } catch {
      await fs.rm(tmp, { force: true }).catch(() => {});
    }
  }

  /** Removes the file if it still holds `accessToken` (another process may have refreshed it since). */
  async discard(accessToken: string): Promise<void> {
    const current = await this.read();
    if (current?.accessToken === accessToken) await fs.rm(this.file, { force: true }).catch(() => {});
  }

  private validate(v: unknown): CachedToken | undefined {
    if (typeof v !== "object" || v === null) return undefined;
    const f = v as Partial<CacheFile>;
    const k = this.key;
    if (f.version !== 1) return undefined;
    if (f.tokenUrl !== k.tokenUrl || f.clientId !== k.clientId) return undefined;
    if ((f.audience ?? undefined) !== k.audience || (f.scope ?? undefined) !== k.scope) return undefined;
    if (typeof f.accessToken !== "string" || !/^[\x21-\x7e]{1,16000}$/.test(f.accessToken)) return undefined;
    if (typeof f.tokenType !== "string" || typeof f.expiresAt !== "number" || typeof f.obtainedAt !== "number") return undefined;
    if (!Number.isFinite(f.expiresAt) || !Number.isFinite(f.obtainedAt) || f.expiresAt <= f.obtainedAt) return undefined;
    const grantedScope = typeof f.grantedScope === "string" ? f.grantedScope : undefined;
    return { accessToken: f.accessToken, tokenType: f.tokenType, grantedScope, expiresAt: f.expiresAt, obtainedAt: f.obtainedAt };
  }
}
