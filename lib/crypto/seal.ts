// Values that must be read back (an emailed one-time link until it is sent,
// a webhook signing secret) are stored sealed under KEY_ENCRYPTION_KEY, with a
// purpose and the row's ID as associated data so a ciphertext cannot be moved
// to another row or use (@cluster-console/credentials/sealing: the layout).
import { openSealed, sealBytes } from "@cluster-console/credentials/sealing";
import { config, decodeKey } from "@/lib/config";

function kek(): Buffer {
  const key = config().KEY_ENCRYPTION_KEY;
  const bytes = key ? decodeKey(key) : undefined;
  if (!bytes) throw new Error("KEY_ENCRYPTION_KEY is not set: email links and webhook secrets cannot be stored.");
  return bytes;
}

export const sealingAvailable = () => !!config().KEY_ENCRYPTION_KEY;

export function seal(purpose: string, id: string, plaintext: string): Buffer<ArrayBuffer> {
  return sealBytes(kek(), `${purpose}:${id}`, plaintext);
}

export function unseal(purpose: string, id: string, sealed: Uint8Array): string {
  const key = kek();
  try {
    return openSealed(key, `${purpose}:${id}`, sealed).toString("utf8");
  } catch {
    throw new Error(`A sealed ${purpose} cannot be decrypted: KEY_ENCRYPTION_KEY is not the key it was stored with.`);
  }
}
