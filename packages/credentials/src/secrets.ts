// Everything about the shape of client IDs and client secrets: how they are
// generated, recognised, hashed and compared. The console (create, rotate),
// the authorization server (packages/auth-server, clients/: format check before any lookup or
// counter, digest, comparison) and the test factories all use this module, so
// the format and the hash live in exactly one place.
//
// Secret format:  ccs_<43 chars base64url = 32 random bytes><6 chars checksum>
// The checksum is CRC32 of "ccs_" + body, as base64url. A leak scanner (or the
// token endpoint, before touching the database) can tell a real secret from a
// typo or random noise offline; it adds no secrecy and is not meant to.
//
// Why SHA-256 and not bcrypt/scrypt/argon2: a slow KDF protects low-entropy
// human passwords from offline guessing. These secrets are 256 bits of CSPRNG
// output, so guessing one from its digest is infeasible whatever the hash
// speed, while a KDF would add tens of milliseconds to every token request.
// A plain SHA-256 digest also lets the database find a secret by its hash
// through a unique index, with no per-client salt lookup.
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { crc32 } from "node:zlib";
import { CLIENT_ID_LENGTH, CLIENT_ID_PATTERN, SECRET_PREFIX } from "./formats";

const SECRET_BYTES = 32;
const BODY_LENGTH = 43; // base64url of 32 bytes, unpadded
const CHECKSUM_LENGTH = 6; // base64url of a 4-byte CRC32, unpadded
export const SECRET_LENGTH = SECRET_PREFIX.length + BODY_LENGTH + CHECKSUM_LENGTH;
const SECRET_PATTERN = new RegExp(`^${SECRET_PREFIX}[A-Za-z0-9_-]{${BODY_LENGTH + CHECKSUM_LENGTH}}$`);

// Client IDs: 32 characters of [A-Za-z0-9] (~190 bits). Letters and digits
// only, so an ID never needs quoting or escaping in a URL, a shell or a header,
// and double-clicking selects all of it. Camunda SaaS client IDs look alike.
const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function generateClientId(): string {
  let id = "";
  // randomInt draws without modulo bias.
  for (let i = 0; i < CLIENT_ID_LENGTH; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

function checksum(prefixAndBody: string): string {
  const buf = Buffer.alloc(4);
  buf.writeUInt32BE(crc32(prefixAndBody) >>> 0);
  return buf.toString("base64url");
}

export function generateClientSecret(): string {
  const body = randomBytes(SECRET_BYTES).toString("base64url");
  const head = SECRET_PREFIX + body;
  return head + checksum(head);
}

/** True when the string has the secret's shape and its checksum matches. */
export function isWellFormedSecret(value: string): boolean {
  if (value.length !== SECRET_LENGTH || !SECRET_PATTERN.test(value)) return false;
  const head = value.slice(0, SECRET_LENGTH - CHECKSUM_LENGTH);
  const sum = value.slice(SECRET_LENGTH - CHECKSUM_LENGTH);
  return safeEqualStrings(sum, checksum(head));
}

export function isWellFormedClientId(value: string): boolean {
  return CLIENT_ID_PATTERN.test(value);
}

/** The stored form of a secret: its SHA-256 digest (32 bytes). */
export function hashSecret(secret: string): Buffer<ArrayBuffer> {
  // Buffer.from copies 32 bytes into a plain ArrayBuffer, the type Prisma's
  // Bytes fields take.
  return Buffer.from(createHash("sha256").update(secret, "utf8").digest());
}

/** The last four characters, shown in the list as ••••abcd. */
export function secretHint(secret: string): string {
  return secret.slice(-4);
}

/** Constant-time comparison of two digests (or any two byte strings). */
export function safeEqualBytes(a: Uint8Array, b: Uint8Array): boolean {
  // timingSafeEqual throws on different lengths; lengths are not secret here.
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}

/** Does `secret` match the stored digest? Constant time in the digest. */
export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  return matchSecret(secret, [storedHash]) === 0;
}

/**
 * Which of the stored digests `secret` matches: its index, or -1. Hashes
 * once, then compares with every digest in constant time without stopping at
 * a match, so the time taken tells neither which one nor whether one matched.
 */
export function matchSecret(secret: string, storedHashes: readonly Uint8Array[]): number {
  const presented = hashSecret(secret);
  let match = -1;
  for (let i = 0; i < storedHashes.length; i++) {
    if (safeEqualBytes(presented, storedHashes[i]!)) match = i;
  }
  return match;
}

function safeEqualStrings(a: string, b: string): boolean {
  return safeEqualBytes(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
