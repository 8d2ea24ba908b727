import { describe, expect, it } from "vitest";
import { LruMap } from "../src/clients/lru-map";

describe("LruMap", () => {
  it("evicts the least recently used entry, counting reads and overwrites as use", () => {
    const m = new LruMap<string, number>(3);
    m.set("a", 1);
    m.set("b", 2);
    m.set("c", 3);
    expect(m.get("a")).toBe(1); // a is now the most recent; b the least
    m.set("d", 4);
    expect([...m.keys()]).toEqual(["c", "a", "d"]);
    m.set("c", 30);
    m.set("e", 5);
    expect([...m.keys()]).toEqual(["d", "c", "e"]);
    expect(m.get("c")).toBe(30);
    expect(m.delete("d")).toBe(true);
    expect([...m.keys()]).toEqual(["e", "c"]);
    m.set("f", 6);
    m.set("g", 7);
    expect([...m.keys()]).toEqual(["c", "f", "g"]);
    m.clear();
    expect([m.size, [...m.keys()]]).toEqual([0, []]);
  });

  it("holds its bound at 100,000 entries under 250,000 keys, keeping the hot ones, in constant time", () => {
    const m = new LruMap<string, { n: number }>(100_000);
    const hot = Array.from({ length: 1_000 }, (_, i) => `hot-${i}`);
    for (const k of hot) m.set(k, { n: 0 });
    let largest = 0;
    const started = performance.now();
    for (let i = 0; i < 250_000; i++) {
      m.set(`client-${i}`, { n: i });
      m.get(hot[i % hot.length]!)!.n++;
      largest = Math.max(largest, m.size);
    }
    const perOperationUs = ((performance.now() - started) * 1000) / 500_000;
    expect([largest, m.size]).toEqual([100_000, 100_000]);
    for (const k of hot) expect(m.has(k)).toBe(true);
    // Exactly the 99,000 most recent other keys are held beside the hot ones.
    expect(m.has(`client-${250_000 - 99_000}`)).toBe(true);
    expect(m.has(`client-${250_000 - 99_001}`)).toBe(false);
    // Far from a millisecond per operation even on a loaded machine (the
    // Map-only version this replaced took ~100 us).
    expect(perOperationUs).toBeLessThan(20);
  });

  it("rejects a bound that is not a positive integer", () => {
    expect(() => new LruMap(0)).toThrow(/capacity/);
    expect(() => new LruMap(1.5)).toThrow(/capacity/);
  });
});
