// Console user passwords: scrypt (memory-hard, in node:crypto, no native
// addon) at OWASP's current minimum, N=2^17, r=8, p=1. Stored as
// `scrypt$N$r$p$salt$hash`, so the parameters can be raised again later:
// a hash stored with other parameters still verifies, and `needsRehash` tells
// sign-in to store it anew (lib/auth/sign-in.ts).
//
// Each computation at these parameters holds 128 MiB (128 * N * r bytes) for
// about a second of a core. So at most SCRYPT_CONCURRENCY of them run at once
// in the process, the rest wait their turn: a burst of sign-ins costs time,
// never memory, and leaves libuv's thread pool (4 threads, shared with file
// and DNS work) free for everything else.
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";

export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
/** How many scrypt computations may run at once in this process (2 x 128 MiB). */
export const SCRYPT_CONCURRENCY = 2;
const KEYLEN = 32;
const SALT_BYTES = 16;
/** Anything above this is not a hash this module wrote: refused rather than computed. */
const MAX_N = 2 ** 20;

interface Params {
  N: number;
  r: number;
  p: number;
}

let running = 0;
const waiting: Array<() => void> = [];

async function withScryptSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= SCRYPT_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter (the count stays), or free it.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

const cost = ({ N, r, p }: Params) => N * r * p;
const TODAY = cost(SCRYPT_PARAMS);
/** How long one computation at today's parameters takes here (moving average, slot wait excluded); unknown until one ran. */
let todayMs: number | undefined;

function scrypt(password: string, salt: Buffer, params: Params): Promise<Buffer> {
  return timedScrypt(password, salt, params).then((r) => r.key);
}

function timedScrypt(password: string, salt: Buffer, { N, r, p }: Params): Promise<{ key: Buffer; ms: number }> {
  return withScryptSlot(
    () =>
      new Promise<{ key: Buffer; ms: number }>((resolve, reject) => {
        const started = performance.now();
        // maxmem: node's default (32 MiB) is below what N=2^17 needs; twice the need leaves headroom.
        scryptCb(password.normalize("NFKC"), salt, KEYLEN, { N, r, p, maxmem: 2 * 128 * N * r }, (err, key) => {
          if (err) return reject(err);
          const ms = performance.now() - started;
          if (cost({ N, r, p }) === TODAY) todayMs = todayMs === undefined ? ms : 0.8 * todayMs + 0.2 * ms;
          resolve({ key, ms });
        });
      }),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, SCRYPT_PARAMS);
  const { N, r, p } = SCRYPT_PARAMS;
  return ["scrypt", N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

interface StoredHash extends Params {
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): StoredHash | null {
  const [algo, n, r, p, salt, hash, ...rest] = stored.split("$");
  if (algo !== "scrypt" || !salt || !hash || rest.length) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = Number.isSafeInteger(params.N) && params.N > 1 && (params.N & (params.N - 1)) === 0;
  if (!powerOfTwo || params.N > MAX_N || !Number.isSafeInteger(params.r) || params.r < 1 || params.r > 32) return null;
  if (!Number.isSafeInteger(params.p) || params.p < 1 || params.p > 16) return null;
  return { ...params, salt: Buffer.from(salt, "base64url"), hash: Buffer.from(hash, "base64url") };
}

/** Whether a computed key is the stored one, in constant time. */
function matches(key: Buffer, parsed: StoredHash): boolean {
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

async function verifyParsed(password: string, parsed: StoredHash | null): Promise<boolean> {
  if (!parsed) return false;
  return matches(await scrypt(password, parsed.salt, parsed), parsed);
}

export function verifyPassword(password: string, stored: string): Promise<boolean> {
  return verifyParsed(password, parse(stored));
}

/**
 * verifyPassword for sign-in, where the time to answer must not tell one
 * account from another. A hash stored at weaker parameters (an account that
 * has not signed in since they were raised) is quicker to check than today's,
 * and a stored value that is no hash at all takes no time: either would let
 * anyone timing wrong passwords pick those accounts out. Their answer is held
 * back until a check at today's parameters would have finished (the time one
 * takes here, measured on real checks); before any was measured, a check
 * against DUMMY_HASH runs beside the real one and supplies the measurement.
 */
export async function verifyPasswordEvenly(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (parsed && cost(parsed) >= TODAY) return verifyParsed(password, parsed);
  if (todayMs === undefined) {
    const [ok] = await Promise.all([verifyParsed(password, parsed), verifyPassword(password, DUMMY_HASH)]);
    return ok;
  }
  const target = todayMs;
  let ok = false;
  let ms = 0;
  if (parsed) {
    const checked = await timedScrypt(password, parsed.salt, parsed);
    ok = matches(checked.key, parsed);
    ms = checked.ms;
  } else {
    // Waits for a slot like a real check would, then computes nothing.
    await withScryptSlot(async () => {});
  }
  if (target > ms) await new Promise((resolve) => setTimeout(resolve, target - ms));
  return ok;
}

/** The time a check at today's parameters takes here (for tests), once one has run. */
export const expectedCheckMs = () => todayMs;

/** True when a stored hash was written with other parameters than today's: store it anew after a successful check. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.N !== SCRYPT_PARAMS.N || parsed.r !== SCRYPT_PARAMS.r || parsed.p !== SCRYPT_PARAMS.p;
}

/**
 * For unknown emails: a well-formed hash at today's parameters that no
 * password matches (random salt and key), so checking against it costs
 * exactly what checking a real account's hash costs, without computing one.
 */
export const DUMMY_HASH = [
  "scrypt",
  SCRYPT_PARAMS.N,
  SCRYPT_PARAMS.r,
  SCRYPT_PARAMS.p,
  randomBytes(SALT_BYTES).toString("base64url"),
  randomBytes(KEYLEN).toString("base64url"),
].join("$");
