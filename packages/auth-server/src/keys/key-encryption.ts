// Private signing keys at rest: AES-256-GCM under KEY_ENCRYPTION_KEY, with the
// key ID as associated data so a ciphertext cannot be moved to another row.
// Layout: 12-byte IV | 16-byte tag | ciphertext.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export function encryptPrivateKey(kek: Buffer, kid: string, pkcs8Der: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", kek, iv);
  cipher.setAAD(Buffer.from(kid, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(pkcs8Der), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

export function decryptPrivateKey(kek: Buffer, kid: string, sealed: Buffer): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", kek, sealed.subarray(0, 12));
  decipher.setAAD(Buffer.from(kid, "utf8"));
  decipher.setAuthTag(sealed.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  } catch {
    throw new Error(`Signing key ${kid} cannot be decrypted: KEY_ENCRYPTION_KEY is not the key it was stored with.`);
  }
}
