import { randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import {
  DUMMY_HASH,
  SCRYPT_CONCURRENCY,
  expectedCheckMs,
  hashPassword,
  needsRehash,
  verifyPassword,
  verifyPasswordEvenly,
} from "@/lib/auth/password";

// Counts the scrypt computations running at once, under the module's own calls.
const scrypts = vi.hoisted(() => ({ inFlight: 0, max: 0, started: 0, fail: 0, Ns: [] as number[] }));
vi.mock("node:crypto", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:crypto")>();
  const scrypt = ((...args: Parameters<typeof real.scrypt>) => {
    const done = args.pop() as (err: Error | null, key: Buffer) => void;
    scrypts.started++;
    scrypts.Ns.push((args[3] as { N: number }).N);
    scrypts.inFlight++;
    scrypts.max = Math.max(scrypts.max, scrypts.inFlight);
    if (scrypts.fail > 0) {
      scrypts.fail--;
      setTimeout(() => {
        scrypts.inFlight--;
        done(new Error("out of memory"), Buffer.alloc(0));
      }, 10);
      return;
    }
    (real.scrypt as (...a: unknown[]) => void)(...args, (err: Error | null, key: Buffer) => {
      scrypts.inFlight--;
      done(err, key);
    });
  }) as typeof real.scrypt;
  return { ...real, default: { ...real, scrypt }, scrypt };
});

/** A hash as an earlier version stored it: same format, other parameters. */
function legacyHash(password: string, N: number): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFKC"), salt, 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 });
  return ["scrypt", N, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
}

describe("password hashing", () => {
  it("hashes at N=2^17, r=8, p=1, verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain("correct horse battery");
    expect(needsRehash(hash)).toBe(false);
    await expect(verifyPassword("correct horse battery", hash)).resolves.toBe(true);
    await expect(verifyPassword("correct horse batterz", hash)).resolves.toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password!")).not.toBe(await hashPassword("same password!"));
  });

  it("still verifies a hash stored at the old N=2^15, and says it needs storing anew", async () => {
    const old = legacyHash("correct horse battery", 2 ** 15);
    await expect(verifyPassword("correct horse battery", old)).resolves.toBe(true);
    await expect(verifyPassword("correct horse batterz", old)).resolves.toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it("rejects malformed stored hashes instead of throwing", async () => {
    await expect(verifyPassword("x", "")).resolves.toBe(false);
    await expect(verifyPassword("x", "bcrypt$whatever")).resolves.toBe(false);
    await expect(verifyPassword("x", "scrypt$1000$8$1$c2FsdA$a2V5")).resolves.toBe(false); // N not a power of two
    await expect(verifyPassword("x", `scrypt$${2 ** 24}$8$1$c2FsdA$a2V5`)).resolves.toBe(false); // 16 GiB: refused, not tried
    await expect(verifyPassword("x", "scrypt$NaN$8$1$c2FsdA$a2V5")).resolves.toBe(false);
    expect(needsRehash("bcrypt$whatever")).toBe(true);
  });

  it("the dummy hash for unknown emails is checked at today's parameters and matches nothing", async () => {
    expect(DUMMY_HASH).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(needsRehash(DUMMY_HASH)).toBe(false);
    const before = scrypts.started;
    await expect(verifyPassword("", DUMMY_HASH)).resolves.toBe(false);
    await expect(verifyPassword("correct horse battery", DUMMY_HASH)).resolves.toBe(false);
    expect(scrypts.started - before).toBe(2); // really computed, like a real account's check
  });

  it(`runs at most ${SCRYPT_CONCURRENCY} scrypt computations at once; the rest wait and all finish`, async () => {
    // Cheap stored hashes keep the test fast; the cap is the same for every parameter set.
    const stored = legacyHash("right password", 2 ** 12);
    scrypts.max = 0;
    const burst = Array.from({ length: 12 }, (_, i) => verifyPassword(i % 3 ? "wrong password" : "right password", stored));
    const newHashes = Array.from({ length: 2 }, () => hashPassword("another password"));
    const results = await Promise.all(burst);
    await Promise.all(newHashes);
    expect(results).toEqual(Array.from({ length: 12 }, (_, i) => i % 3 === 0));
    expect(scrypts.max).toBe(SCRYPT_CONCURRENCY);
    expect(scrypts.inFlight).toBe(0);

    // Failing computations give their slots back too (else the burst below would never finish).
    scrypts.fail = SCRYPT_CONCURRENCY + 1;
    const failed = await Promise.allSettled(Array.from({ length: SCRYPT_CONCURRENCY + 1 }, () => verifyPassword("x", stored)));
    expect(failed.every((r) => r.status === "rejected")).toBe(true);
    scrypts.max = 0;
    await Promise.all(Array.from({ length: 6 }, () => verifyPassword("x", stored)));
    expect(scrypts.max).toBe(SCRYPT_CONCURRENCY);
  }, 60_000);

  describe("sign-in's check takes as long whatever is stored", () => {
    const elapsed = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      return performance.now() - started;
    };

    it("a hash at older parameters: the answer waits until a check at today's parameters would have finished", async () => {
      const old = legacyHash("correct horse battery", 2 ** 15);
      // In a process that has measured nothing yet, a check against the dummy hash runs beside the real one.
      vi.resetModules();
      const fresh = await import("@/lib/auth/password");
      expect(fresh.expectedCheckMs()).toBeUndefined();
      scrypts.Ns = [];
      await expect(fresh.verifyPasswordEvenly("wrong password", old)).resolves.toBe(false);
      expect(scrypts.Ns.sort((a, b) => a - b)).toEqual([2 ** 15, 2 ** 17]);
      expect(fresh.expectedCheckMs()).toBeGreaterThan(0);
      // From then on no extra computation, only the wait: a wrong password and the right one.
      scrypts.Ns = [];
      for (const password of ["another wrong one", "correct horse battery"]) {
        const target = expectedCheckMs()!;
        const ms = await elapsed(() => verifyPasswordEvenly(password, old));
        expect(ms).toBeGreaterThanOrEqual(target - 5);
      }
      expect(scrypts.Ns).toEqual([2 ** 15, 2 ** 15]);
      await expect(verifyPasswordEvenly("correct horse battery", old)).resolves.toBe(true);
    }, 60_000);

    it("a stored value that is no hash waits as long too, and matches nothing", async () => {
      await verifyPassword("x", DUMMY_HASH); // a measurement exists
      for (const stored of ["", "bcrypt$whatever", `scrypt$${2 ** 24}$8$1$c2FsdA$a2V5`]) {
        scrypts.Ns = [];
        const target = expectedCheckMs()!;
        let ok: boolean | undefined;
        const ms = await elapsed(async () => (ok = await verifyPasswordEvenly("x", stored)));
        expect(ok).toBe(false);
        expect(ms).toBeGreaterThanOrEqual(target - 5);
        expect(scrypts.Ns).toEqual([]); // refused, never computed
      }
    }, 60_000);

    it("a hash at today's parameters is simply checked: one computation, no wait added", async () => {
      const hash = await hashPassword("correct horse battery");
      scrypts.Ns = [];
      await expect(verifyPasswordEvenly("correct horse battery", hash)).resolves.toBe(true);
      await expect(verifyPasswordEvenly("wrong", hash)).resolves.toBe(false);
      expect(scrypts.Ns).toEqual([2 ** 17, 2 ** 17]);
    }, 60_000);
  });
});
