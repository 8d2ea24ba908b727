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
//
// The wait is bounded and fair. Checks for sign-in attempts carry a ticket:
// their source (an address, IPv6 by /64) and the request's abort signal. Each
// source has its own queue and the queues are served round-robin, so a flood
// from a few addresses delays everyone else by a turn each, not by the flood's
// length. A check that would wait longer than MAX_CHECK_WAIT_MS (at the time
// checks are measured to take here), or whose source already has
// MAX_WAITING_PER_SOURCE waiting, is refused at once and never computed
// (PasswordChecksBusy, with the seconds to wait); a waiting check whose caller
// hung up is dropped before it starts (PasswordCheckDropped). Whether a check
// is admitted depends on the queue only, never on the account.
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

/** The longest a password check may expect to wait for a slot; an attempt that would wait longer is refused at once. */
export const MAX_CHECK_WAIT_MS = 5_000;
/** Checks one source (an address, IPv6 by /64) may have waiting at once. */
export const MAX_WAITING_PER_SOURCE = 4;
/** Checks waiting in the whole process, whatever their source. */
export const MAX_WAITING = 64;
/** The time a check is assumed to take until one was measured here. */
const ASSUMED_CHECK_MS = 1_000;
/** The queue of work that is not an attempt from a source (hashing a new password): never refused, queued fairly beside the sources. */
const INTERNAL = "\0internal";

/** Who a password check is for: its source's fair share of the queue, and the request whose end drops it. */
export interface CheckTicket {
  /** The source's queue key (sourceGroup in lib/auth/check-source.ts). */
  source: string;
  /** Aborted when the caller's connection closed: a check still waiting is dropped, never computed. */
  signal?: AbortSignal;
}

/** Refused without waiting: the check would wait longer than MAX_CHECK_WAIT_MS. */
export class PasswordChecksBusy extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("password checks busy");
  }
}

/** The caller went away while its check was waiting; nothing was computed. */
export class PasswordCheckDropped extends Error {
  constructor() {
    super("password check dropped");
  }
}

interface Waiter {
  source: string;
  since: number;
  start(): void;
  drop(err: Error): void;
}

interface QueueState {
  running: number;
  waiting: number;
  /** One queue per source, served round-robin: Map order is the turn order. */
  sources: Map<string, Waiter[]>;
  refusedBusy: number;
  dropped: number;
}

// One queue per process, whichever bundle of the app imports this module
// (Next may load it more than once): kept on globalThis.
const QUEUE_KEY = Symbol.for("cluster-console.password-check-queue");
const shared = globalThis as Record<symbol, QueueState | undefined>;
shared[QUEUE_KEY] ??= { running: 0, waiting: 0, sources: new Map(), refusedBusy: 0, dropped: 0 };
const queue = shared[QUEUE_KEY];

/** What the password-check queue holds right now (read-only; /metrics and tests). */
export function passwordCheckQueue() {
  const { running, waiting, refusedBusy, dropped } = queue;
  return { running, waiting, sources: queue.sources.size, refusedBusy, dropped };
}

/**
 * How long a new check from `source` would wait: every slot busy, the
 * round-robin serves before it its own source's waiters and, from every other
 * source, as many as it has ahead of it (at most its own position).
 */
function expectedWaitMs(source: string): number {
  if (queue.running < SCRYPT_CONCURRENCY) return 0;
  const position = (queue.sources.get(source)?.length ?? 0) + 1;
  let ahead = position - 1;
  for (const [other, waiters] of queue.sources) if (other !== source) ahead += Math.min(waiters.length, position);
  return Math.ceil((ahead + 1) / SCRYPT_CONCURRENCY) * (todayMs ?? ASSUMED_CHECK_MS);
}

/** Seconds until a check that would wait `waitMs` now fits the bound (at least one check's time). */
function retryAfterSeconds(waitMs: number): number {
  const checkMs = todayMs ?? ASSUMED_CHECK_MS;
  return Math.min(60, Math.max(1, Math.ceil(Math.max(waitMs - MAX_CHECK_WAIT_MS, checkMs) / 1000)));
}

/** Seconds after which a check from a new source is likely admitted (for Retry-After). */
export const passwordCheckRetryAfterSeconds = () => retryAfterSeconds(expectedWaitMs("\0new source"));

/** Throws PasswordChecksBusy when a check from this source would not be admitted now (cheap: before any other work). */
export function admitPasswordCheck(source: string): void {
  const waiting = queue.sources.get(source)?.length ?? 0;
  const wait = expectedWaitMs(source);
  if (waiting >= MAX_WAITING_PER_SOURCE || queue.waiting >= MAX_WAITING || wait > MAX_CHECK_WAIT_MS) {
    queue.refusedBusy++;
    throw new PasswordChecksBusy(retryAfterSeconds(wait));
  }
}

function nextWaiter(): Waiter | undefined {
  const first = queue.sources.entries().next();
  if (first.done) return undefined;
  const [source, waiters] = first.value;
  const waiter = waiters.shift()!;
  queue.sources.delete(source);
  if (waiters.length) queue.sources.set(source, waiters); // to the back of the round
  queue.waiting--;
  return waiter;
}

function dispatch(): void {
  while (queue.running < SCRYPT_CONCURRENCY) {
    const waiter = nextWaiter();
    if (!waiter) return;
    // Admitted, then overtaken by new sources for longer than promised: refused rather than computed late.
    if (waiter.source !== INTERNAL && performance.now() - waiter.since > 2 * MAX_CHECK_WAIT_MS) {
      queue.refusedBusy++;
      waiter.drop(new PasswordChecksBusy(retryAfterSeconds(0)));
      continue;
    }
    queue.running++;
    waiter.start();
  }
}

async function withScryptSlot<T>(work: () => Promise<T>, ticket?: CheckTicket): Promise<T> {
  const source = ticket?.source ?? INTERNAL;
  const signal = ticket?.signal;
  if (signal?.aborted) {
    queue.dropped++;
    throw new PasswordCheckDropped();
  }
  if (ticket) admitPasswordCheck(source);
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      const waiters = queue.sources.get(source);
      const i = waiters?.indexOf(waiter) ?? -1;
      if (i < 0) return;
      waiters!.splice(i, 1);
      if (!waiters!.length) queue.sources.delete(source);
      queue.waiting--;
      queue.dropped++;
      reject(new PasswordCheckDropped());
    };
    const waiter: Waiter = {
      source,
      since: performance.now(),
      start: () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      drop: (err) => {
        signal?.removeEventListener("abort", onAbort);
        reject(err);
      },
    };
    const waiters = queue.sources.get(source);
    if (waiters) waiters.push(waiter);
    else queue.sources.set(source, [waiter]);
    queue.waiting++;
    signal?.addEventListener("abort", onAbort, { once: true });
    dispatch();
  }).then(async () => {
    try {
      return await work();
    } finally {
      queue.running--;
      dispatch();
    }
  });
}

const cost = ({ N, r, p }: Params) => N * r * p;
const TODAY = cost(SCRYPT_PARAMS);
/** How long one computation at today's parameters takes here (moving average, slot wait excluded); unknown until one ran. */
let todayMs: number | undefined;

function scrypt(password: string, salt: Buffer, params: Params, ticket?: CheckTicket): Promise<Buffer> {
  return withScryptSlot(() => computeScrypt(password, salt, params), ticket).then((r) => r.key);
}

/** One computation, in the caller's slot. */
function computeScrypt(password: string, salt: Buffer, { N, r, p }: Params): Promise<{ key: Buffer; ms: number }> {
  return new Promise<{ key: Buffer; ms: number }>((resolve, reject) => {
    const started = performance.now();
    // maxmem: node's default (32 MiB) is below what N=2^17 needs; twice the need leaves headroom.
    scryptCb(password.normalize("NFKC"), salt, KEYLEN, { N, r, p, maxmem: 2 * 128 * N * r }, (err, key) => {
      if (err) return reject(err);
      const ms = performance.now() - started;
      if (cost({ N, r, p }) === TODAY) todayMs = todayMs === undefined ? ms : 0.8 * todayMs + 0.2 * ms;
      resolve({ key, ms });
    });
  });
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

async function verifyParsed(password: string, parsed: StoredHash | null, ticket?: CheckTicket): Promise<boolean> {
  if (!parsed) return false;
  return matches(await scrypt(password, parsed.salt, parsed, ticket), parsed);
}

/**
 * With a ticket, the check waits in its source's queue: it may be refused at
 * once (PasswordChecksBusy) or dropped while waiting (PasswordCheckDropped).
 */
export function verifyPassword(password: string, stored: string, ticket?: CheckTicket): Promise<boolean> {
  return verifyParsed(password, parse(stored), ticket);
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
export async function verifyPasswordEvenly(password: string, stored: string, ticket?: CheckTicket): Promise<boolean> {
  const parsed = parse(stored);
  if (parsed && cost(parsed) >= TODAY) return verifyParsed(password, parsed, ticket);
  // One place in the queue, whatever is computed in it.
  const checked = await withScryptSlot(async () => {
    if (todayMs === undefined) {
      // Nothing measured yet: a check against the dummy hash supplies the measurement (and the time).
      const dummy = parse(DUMMY_HASH)!;
      await computeScrypt(password, dummy.salt, dummy);
      return { ok: parsed ? matches((await computeScrypt(password, parsed.salt, parsed)).key, parsed) : false, ms: Infinity };
    }
    // A stored value that is no hash waits for its slot like a real check would, then computes nothing.
    if (!parsed) return { ok: false, ms: 0 };
    const { key, ms } = await computeScrypt(password, parsed.salt, parsed);
    return { ok: matches(key, parsed), ms };
  }, ticket);
  const target = todayMs ?? 0;
  if (target > checked.ms) await new Promise((resolve) => setTimeout(resolve, target - checked.ms));
  return checked.ok;
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
