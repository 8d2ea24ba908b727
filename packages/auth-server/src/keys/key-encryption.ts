// Private signing keys at rest: sealed under KEY_ENCRYPTION_KEY with the key
// ID as associated data so a ciphertext cannot be moved to another row
// (@cluster-console/credentials/sealing: the layout).
import { openSealed, sealBytes } from "@cluster-console/credentials/sealing";

export function encryptPrivateKey(kek: Buffer, kid: string, pkcs8Der: Buffer): Buffer {
  return sealBytes(kek, kid, pkcs8Der);
}

export function decryptPrivateKey(kek: Buffer, kid: string, sealed: Buffer): Buffer {
  try {
    return openSealed(kek, kid, sealed);
  } catch {
    throw new Error(`Signing key ${kid} cannot be decrypted: KEY_ENCRYPTION_KEY is not the key it was stored with.`);
  }
}
