// Connector secret values at rest: sealed under KEY_ENCRYPTION_KEY with the
// row's ID as associated data so a ciphertext cannot be moved to another
// secret (or another cluster). Layout: 1-byte version | the sealed value
// (@cluster-console/credentials/sealing: 12-byte IV | 16-byte tag |
// ciphertext). KEY_ENCRYPTION_KEY_PREVIOUS, while set, still opens values
// sealed before a key change; `npm run keys:reencrypt` seals them all again
// under the current key (reencrypt.ts).
import { openSealed, SEALED_MIN_BYTES, sealBytes } from "@cluster-console/credentials/sealing";

const VERSION = 1;
const associatedData = (rowId: string) => `connector-secret:${rowId}`;

export function sealValue(kek: Buffer, rowId: string, value: string): Buffer {
  return Buffer.concat([Buffer.from([VERSION]), sealBytes(kek, associatedData(rowId), value)]);
}

function openWith(kek: Buffer, rowId: string, sealed: Buffer): string | undefined {
  if (sealed.length < 1 + SEALED_MIN_BYTES || sealed[0] !== VERSION) return undefined;
  try {
    return openSealed(kek, associatedData(rowId), sealed.subarray(1)).toString("utf8");
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
