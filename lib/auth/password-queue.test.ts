// The password-check queue's rules, with scrypt replaced by a timer of fixed
// length (CHECK_MS), so turns and waits are exact: per-source fairness, the
// bound on the wait (refused at once, never computed), the per-source cap, and
// checks dropped when their caller hangs up. lib/auth/password.test.ts tests
// the real computation and the timing guarantees.
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";

const CHECK_MS = 200;
const fake = vi.hoisted(() => ({ computed: [] as string[], current: "" }));
vi.mock("node:crypto", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:crypto")>();
  const scrypt = (password: string, salt: Buffer, keylen: number, _opts: unknown, done: (err: Error | null, key: Buffer) => void) => {
    fake.computed.push(password);
    const key = createHash("sha256").update(password).update(salt).digest().subarray(0, keylen);
    setTimeout(() => done(null, key), CHECK_MS);
  };
  return { ...real, default: { ...real, scrypt }, scrypt };
});

import {
  DUMMY_HASH,
  MAX_CHECK_WAIT_MS,
  MAX_WAITING_PER_SOURCE,
  PasswordCheckDropped,
  PasswordChecksBusy,
  SCRYPT_CONCURRENCY,
  hashPassword,
  passwordCheckQueue,
  verifyPassword,
  verifyPasswordEvenly,
} from "@/lib/auth/password";

const settle = <T>(p: Promise<T>) =>
  p.then(
    () => "checked" as const,
    (err: Error) => (err instanceof PasswordChecksBusy ? "busy" : err instanceof PasswordCheckDropped ? "dropped" : err.message),
  );

afterEach(async () => {
  await vi.waitFor(() => expect(passwordCheckQueue()).toMatchObject({ waiting: 0, running: 0 }), { timeout: 20_000 });
  fake.computed = [];
});

describe("the password-check queue", () => {
  it("serves sources in turn: a third source waits a turn per flooding source, not the flood", async () => {
    await verifyPassword("measure", DUMMY_HASH); // one check measured: CHECK_MS
    const flood = Array.from({ length: 100 }, (_, i) =>
      settle(verifyPasswordEvenly(`flood ${i}`, DUMMY_HASH, { source: i % 2 ? "10.0.0.1" : "10.0.0.2" })),
    );
    const started = performance.now();
    await verifyPasswordEvenly("third", DUMMY_HASH, { source: "10.0.0.3" });
    const ms = performance.now() - started;
    const outcomes = await Promise.all(flood);

    // Two running, one waiting from each flooding source ahead of it, then its own check: 2 turns of the 2 slots.
    expect(ms).toBeLessThan(3 * CHECK_MS + 150);
    const checked = outcomes.filter((o) => o === "checked").length;
    expect(checked).toBeLessThanOrEqual(2 * (MAX_WAITING_PER_SOURCE + 1));
    expect(outcomes.filter((o) => o === "busy")).toHaveLength(100 - checked);
    // Refused ones were never computed: the flood's checked ones, the measurement, the third.
    expect(fake.computed).toHaveLength(checked + 2);
  }, 30_000);

  it("refuses at once, computing nothing, a check that would wait longer than the bound; says when to retry", async () => {
    await verifyPassword("measure", DUMMY_HASH);
    // Many sources, one waiting each: a new source would wait for all of them.
    const sources = Math.ceil((MAX_CHECK_WAIT_MS / CHECK_MS) * SCRYPT_CONCURRENCY) + 10;
    const queued = Array.from({ length: sources }, (_, i) => settle(verifyPassword(`s${i}`, DUMMY_HASH, { source: `10.1.0.${i}` })));
    await new Promise((r) => setImmediate(r)); // the two admitted first have started computing
    const before = fake.computed.length;
    const started = performance.now();
    const refused = await verifyPassword("late", DUMMY_HASH, { source: "10.2.0.1" }).catch((err: unknown) => err);
    expect(performance.now() - started).toBeLessThan(50);
    expect(refused).toBeInstanceOf(PasswordChecksBusy);
    expect((refused as PasswordChecksBusy).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(fake.computed.length).toBe(before);
    expect(fake.computed).not.toContain("late");
    // Whatever was admitted was promised a wait within the bound.
    const outcomes = await Promise.all(queued);
    expect(outcomes.filter((o) => o === "checked").length).toBeLessThanOrEqual((MAX_CHECK_WAIT_MS / CHECK_MS) * SCRYPT_CONCURRENCY + SCRYPT_CONCURRENCY);
  }, 30_000);

  it(`a source has at most ${MAX_WAITING_PER_SOURCE} checks waiting; work without a source (new hashes) is never refused`, async () => {
    const one = Array.from({ length: 20 }, (_, i) => settle(verifyPassword(`x${i}`, DUMMY_HASH, { source: "10.3.0.1" })));
    const hashes = Array.from({ length: 8 }, () => hashPassword("a new password"));
    expect(passwordCheckQueue().waiting).toBeLessThanOrEqual(MAX_WAITING_PER_SOURCE + 8);
    const outcomes = await Promise.all(one);
    expect(outcomes.filter((o) => o === "checked")).toHaveLength(SCRYPT_CONCURRENCY + MAX_WAITING_PER_SOURCE);
    expect(outcomes.filter((o) => o === "busy")).toHaveLength(20 - SCRYPT_CONCURRENCY - MAX_WAITING_PER_SOURCE);
    expect(await Promise.all(hashes)).toHaveLength(8);
  }, 30_000);

  it("drops a waiting check whose caller hung up, before it starts; one already aborted is never queued", async () => {
    const controllers = Array.from({ length: MAX_WAITING_PER_SOURCE + SCRYPT_CONCURRENCY }, () => new AbortController());
    const checks = controllers.map((c, i) => settle(verifyPasswordEvenly(`hung up ${i}`, DUMMY_HASH, { source: "10.4.0.1", signal: c.signal })));
    expect(passwordCheckQueue().waiting).toBe(MAX_WAITING_PER_SOURCE);
    const droppedBefore = passwordCheckQueue().dropped;
    for (const c of controllers) c.abort();
    expect(passwordCheckQueue().waiting).toBe(0);
    const outcomes = await Promise.all(checks);
    // The two already computing finish (scrypt cannot be stopped); the waiting ones never start.
    expect(outcomes.filter((o) => o === "checked")).toHaveLength(SCRYPT_CONCURRENCY);
    expect(outcomes.filter((o) => o === "dropped")).toHaveLength(MAX_WAITING_PER_SOURCE);
    expect(passwordCheckQueue().dropped - droppedBefore).toBe(MAX_WAITING_PER_SOURCE);
    expect(fake.computed).toHaveLength(SCRYPT_CONCURRENCY);

    const gone = new AbortController();
    gone.abort();
    expect(await settle(verifyPassword("gone", DUMMY_HASH, { source: "10.4.0.2", signal: gone.signal }))).toBe("dropped");
    expect(fake.computed).not.toContain("gone");
  }, 30_000);

  it("admitting a check never depends on the account: an unknown email (the dummy hash) and a wrong password are queued and refused alike", async () => {
    await verifyPassword("measure", DUMMY_HASH);
    const known = await hashPassword("the right one");
    fake.computed = [];
    const run = (stored: string) =>
      Promise.all(Array.from({ length: 12 }, (_, i) => settle(verifyPasswordEvenly(`guess ${i}`, stored, { source: "10.5.0.1" }))));
    const unknownOutcomes = await run(DUMMY_HASH);
    const knownOutcomes = await run(known);
    expect(knownOutcomes).toEqual(unknownOutcomes);
  }, 30_000);
});
