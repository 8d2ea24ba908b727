// Compact JWS signing and verification with node:crypto. Signing runs on the
// libuv thread pool (the callback form of crypto.sign), so RSA work spreads
// over all cores instead of blocking the event loop; the header is encoded
// once per key. Tokens are verified by clients with any JOSE library.
import { sign as cryptoSign, verify as cryptoVerify, type KeyObject } from "node:crypto";
import type { SigningAlg } from "../settings";

export interface SigningKey {
  kid: string;
  alg: SigningAlg;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** base64url of the protected header, computed once. */
  encodedHeader: string;
}

export function encodeHeader(alg: SigningAlg, kid: string): string {
  // typ "JWT" rather than "at+jwt": Spring Security's default decoder rejects the latter.
  return Buffer.from(JSON.stringify({ alg, typ: "JWT", kid })).toString("base64url");
}

const digestOf = (alg: SigningAlg) => (alg === "EdDSA" ? null : "sha256");
const keyInput = (alg: SigningAlg, key: KeyObject) => (alg === "ES256" ? { key, dsaEncoding: "ieee-p1363" as const } : key);

export function signJwt(key: SigningKey, payload: object): Promise<string> {
  const input = `${key.encodedHeader}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}`;
  return new Promise((resolve, reject) => {
    cryptoSign(digestOf(key.alg), Buffer.from(input), keyInput(key.alg, key.privateKey), (err, sig) => {
      if (err) reject(err);
      else resolve(`${input}.${sig.toString("base64url")}`);
    });
  });
}

export interface DecodedJwt {
  kid: string;
  alg: string;
  payload: Record<string, unknown>;
  signingInput: Buffer;
  signature: Buffer;
}

/**
 * The canonical base64url form only: no padding, no standard-alphabet
 * characters, no stray bits in the last character. Any other spelling of the
 * same bytes is a different string, so a token we issued has exactly one.
 */
function isCanonicalBase64url(part: string): boolean {
  return /^[A-Za-z0-9_-]*$/.test(part) && Buffer.from(part, "base64url").toString("base64url") === part;
}

/** Structure only; undefined for anything that is not a compact JWS with a kid. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || token.length > 8192) return undefined;
  if (!parts.every(isCanonicalBase64url)) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8")) as { kid?: unknown; alg?: unknown };
    const payload = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as unknown;
    if (typeof header.kid !== "string" || typeof header.alg !== "string") return undefined;
    if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return undefined;
    return {
      kid: header.kid,
      alg: header.alg,
      payload: payload as Record<string, unknown>,
      signingInput: Buffer.from(`${parts[0]}.${parts[1]}`),
      signature: Buffer.from(parts[2]!, "base64url"),
    };
  } catch {
    return undefined;
  }
}

export function verifySignature(key: SigningKey, jwt: DecodedJwt): boolean {
  if (jwt.alg !== key.alg) return false;
  try {
    return cryptoVerify(digestOf(key.alg), jwt.signingInput, keyInput(key.alg, key.publicKey), jwt.signature);
  } catch {
    return false;
  }
}
