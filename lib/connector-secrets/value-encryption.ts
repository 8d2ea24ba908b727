// Connector secret values at rest: AES-256-GCM under KEY_ENCRYPTION_KEY, with
// the row's ID as associated data so a ciphertext cannot be moved to another
// secret (or another cluster). Layout: 1-byte version | 12-byte IV | 16-byte
// tag | ciphertext. KEY_ENCRYPTION_KEY_PREVIOUS, while set, still opens values
// sealed before a key change; `npm run keys:reencrypt` seals them all again
// under the current key (reencrypt.ts).
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = 1;

export function sealValue(kek: Buffer, rowId: string, value: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", kek, iv);
  cipher.setAAD(Buffer.from(`connector-secret:${rowId}`, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
}

function openWith(kek: Buffer, rowId: string, sealed: Buffer): string | undefined {
  if (sealed.length < 29 || sealed[0] !== VERSION) return undefined;
  const decipher = createDecipheriv("aes-256-gcm", kek, sealed.subarray(1, 13));
  decipher.setAAD(Buffer.from(`connector-secret:${rowId}`, "utf8"));
  decipher.setAuthTag(sealed.subarray(13, 29));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}

/** The value, under the current key or (during a key change) the previous one; which one opened it. */
export function openValue(keys: { current: Buffer; previous?: Buffer }, rowId: string, sealed: Buffer): { value: string; withPrevious: boolean } {
  const now = openWith(keys.current, rowId, sealed);
  if (now !== undefined) return { value: now, withPrevious: false };
  const before = keys.previous ? openWith(keys.previous, rowId, sealed) : undefined;
  if (before !== undefined) return { value: before, withPrevious: true };
  // Never the value, never the key: only which row.
  throw new Error(`Connector secret ${rowId} cannot be decrypted: KEY_ENCRYPTION_KEY (or KEY_ENCRYPTION_KEY_PREVIOUS) is not the key it was stored with.`);
}
