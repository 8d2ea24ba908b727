// An organization's OpenID Connect client secret at rest: sealed under
// KEY_ENCRYPTION_KEY (the key that seals the token signing keys), with the
// organization's ID as associated data so a sealed secret cannot be moved to
// another organization's row (@cluster-console/credentials/sealing: the layout).
import "server-only";
import { openSealed, sealBytes } from "@cluster-console/credentials/sealing";
import { config, decodeKey } from "@/lib/config";
import { AppError } from "@/lib/errors";

function keyEncryptionKey(): Buffer {
  const raw = config().KEY_ENCRYPTION_KEY;
  const kek = raw ? decodeKey(raw) : undefined;
  if (!kek) throw new AppError("conflict", "Single sign-on needs KEY_ENCRYPTION_KEY to be set on the server.");
  return kek;
}

export function sealClientSecret(organizationId: string, secret: string): Buffer {
  return sealBytes(keyEncryptionKey(), organizationId, secret);
}

export function openClientSecret(organizationId: string, sealed: Uint8Array): string {
  const key = keyEncryptionKey();
  try {
    return openSealed(key, organizationId, sealed).toString("utf8");
  } catch {
    throw new AppError("conflict", "The single sign-on client secret cannot be decrypted: KEY_ENCRYPTION_KEY is not the key it was saved with. Enter the secret again.");
  }
}

/** The last 4 characters, shown instead of the secret. */
export const secretHint = (secret: string) => secret.slice(-4);
