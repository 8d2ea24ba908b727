// An organization's OpenID Connect client secret at rest: AES-256-GCM under
// KEY_ENCRYPTION_KEY (the key that seals the token signing keys), with the
// organization's ID as associated data so a sealed secret cannot be moved to
// another organization's row. Layout: 12-byte IV | 16-byte tag | ciphertext.
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { config, decodeKey } from "@/lib/config";
import { AppError } from "@/lib/errors";

function keyEncryptionKey(): Buffer {
  const raw = config().KEY_ENCRYPTION_KEY;
  const kek = raw ? decodeKey(raw) : undefined;
  if (!kek) throw new AppError("conflict", "Single sign-on needs KEY_ENCRYPTION_KEY to be set on the server.");
  return kek;
}

export function sealClientSecret(organizationId: string, secret: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyEncryptionKey(), iv);
  cipher.setAAD(Buffer.from(organizationId, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

export function openClientSecret(organizationId: string, sealed: Uint8Array): string {
  const bytes = Buffer.from(sealed);
  const decipher = createDecipheriv("aes-256-gcm", keyEncryptionKey(), bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(organizationId, "utf8"));
  decipher.setAuthTag(bytes.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new AppError("conflict", "The single sign-on client secret cannot be decrypted: KEY_ENCRYPTION_KEY is not the key it was saved with. Enter the secret again.");
  }
}

/** The last 4 characters, shown instead of the secret. */
export const secretHint = (secret: string) => secret.slice(-4);
