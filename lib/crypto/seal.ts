// Values that must be read back (an emailed one-time link until it is sent,
// a webhook signing secret) are stored sealed: AES-256-GCM under
// KEY_ENCRYPTION_KEY, with a purpose and the row's ID as associated data so a
// ciphertext cannot be moved to another row or use. Layout: 12-byte IV |
// 16-byte tag | ciphertext (as the signing keys, lib/oauth/keys/key-encryption.ts).
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { config, decodeKey } from "@/lib/config";

function kek(): Buffer {
  const key = config().KEY_ENCRYPTION_KEY;
  const bytes = key ? decodeKey(key) : undefined;
  if (!bytes) throw new Error("KEY_ENCRYPTION_KEY is not set: email links and webhook secrets cannot be stored.");
  return bytes;
}

export const sealingAvailable = () => !!config().KEY_ENCRYPTION_KEY;

export function seal(purpose: string, id: string, plaintext: string): Buffer<ArrayBuffer> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", kek(), iv);
  cipher.setAAD(Buffer.from(`${purpose}:${id}`, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]) as Buffer<ArrayBuffer>;
}

export function unseal(purpose: string, id: string, sealed: Uint8Array): string {
  const buf = Buffer.from(sealed);
  const decipher = createDecipheriv("aes-256-gcm", kek(), buf.subarray(0, 12));
  decipher.setAAD(Buffer.from(`${purpose}:${id}`, "utf8"));
  decipher.setAuthTag(buf.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(`A sealed ${purpose} cannot be decrypted: KEY_ENCRYPTION_KEY is not the key it was stored with.`);
  }
}
