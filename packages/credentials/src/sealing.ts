// Values stored encrypted that must be read back (signing keys, connector
// secret values, single sign-on client secrets, emailed links, webhook signing
// secrets): AES-256-GCM under a 32-byte key, with associated data naming the
// row (and use) so a ciphertext cannot be moved to another one.
// Layout: 12-byte IV | 16-byte tag | ciphertext. Every sealed column in the
// database has this layout (connector secret values behind a version byte), so
// changing it means re-encrypting them all.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The shortest sealed value: IV and tag around an empty plaintext. */
export const SEALED_MIN_BYTES = IV_BYTES + TAG_BYTES;

export function sealBytes(key: Buffer, associatedData: string, plaintext: string | Uint8Array): Buffer<ArrayBuffer> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([typeof plaintext === "string" ? cipher.update(plaintext, "utf8") : cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]) as Buffer<ArrayBuffer>;
}

/** The plaintext; throws when the key, the associated data or the bytes are not those it was sealed with. */
export function openSealed(key: Buffer, associatedData: string, sealed: Uint8Array): Buffer {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(associatedData, "utf8"));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, SEALED_MIN_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(SEALED_MIN_BYTES)), decipher.final()]);
}
