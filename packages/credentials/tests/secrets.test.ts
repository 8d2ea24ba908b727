import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { SECRET_PREFIX } from "../src/formats";
import {
  SECRET_LENGTH,
  generateClientId,
  generateClientSecret,
  hashSecret,
  isWellFormedClientId,
  isWellFormedSecret,
  secretHint,
  secretMatches,
} from "../src/secrets";

describe("client secrets", () => {
  it("are prefixed, carry 32 random bytes and end in a CRC32 checksum", () => {
    const s = generateClientSecret();
    expect(s.startsWith(SECRET_PREFIX)).toBe(true);
    expect(s).toHaveLength(SECRET_LENGTH);
    expect(s).toMatch(/^ccs_[A-Za-z0-9_-]{49}$/);
    const body = s.slice(4, 4 + 43);
    expect(Buffer.from(body, "base64url")).toHaveLength(32);
    // A leak scanner can check the checksum with nothing but CRC32.
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc32(s.slice(0, -6)) >>> 0);
    expect(s.slice(-6)).toBe(sum.toString("base64url"));
    expect(isWellFormedSecret(s)).toBe(true);
  });

  it("are unique", () => {
    const seen = new Set(Array.from({ length: 2000 }, generateClientSecret));
    expect(seen.size).toBe(2000);
  });

  it("reject typos, truncation, other prefixes and noise", () => {
    const s = generateClientSecret();
    const i = 10;
    const flipped = s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
    expect(isWellFormedSecret(flipped)).toBe(false);
    expect(isWellFormedSecret(s.slice(0, -1))).toBe(false);
    expect(isWellFormedSecret(s + "x")).toBe(false);
    expect(isWellFormedSecret("xxx_" + s.slice(4))).toBe(false);
    expect(isWellFormedSecret("")).toBe(false);
    expect(isWellFormedSecret("ccs_" + "a".repeat(49))).toBe(false);
  });

  it("are stored as a SHA-256 digest and compared in constant time", () => {
    const s = generateClientSecret();
    const h = hashSecret(s);
    expect(h).toHaveLength(32);
    expect(Buffer.compare(h, createHash("sha256").update(s).digest())).toBe(0);
    expect(secretMatches(s, h)).toBe(true);
    expect(secretMatches(generateClientSecret(), h)).toBe(false);
    expect(secretMatches(s, h.subarray(0, 16))).toBe(false);
    expect(secretHint(s)).toBe(s.slice(-4));
  });
});

describe("client IDs", () => {
  it("are 32 URL-safe letters and digits, unique", () => {
    const ids = Array.from({ length: 2000 }, generateClientId);
    for (const id of ids.slice(0, 50)) {
      expect(isWellFormedClientId(id)).toBe(true);
      expect(encodeURIComponent(id)).toBe(id);
    }
    expect(new Set(ids).size).toBe(2000);
    expect(isWellFormedClientId("../etc/passwd")).toBe(false);
    expect(isWellFormedClientId("a".repeat(33))).toBe(false);
  });
});
