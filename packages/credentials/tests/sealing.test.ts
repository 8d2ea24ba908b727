import { describe, expect, it } from "vitest";
import { openSealed, SEALED_MIN_BYTES, sealBytes } from "../src/sealing";

const key = Buffer.from(Array.from({ length: 32 }, (_, i) => i + 1));
const otherKey = Buffer.alloc(32, 7);

// Sealed by the code each column used before the sealing had one owner (the
// same key as above): what the database holds today must still open.
const STORED = {
  // lib/crypto/seal.ts: associated data "purpose:id"
  link: "7a4e7716f806f0c660c12807866d7947505f06b79799fc72d57f1d1f8bd64f5a7f45e7c7bfac47704bd4e8098f903e93a9bee17157c52dd1a42483cd84df",
  // lib/sso/secret-sealing.ts: the organization's ID
  ssoSecret: "c947dbcf7ce86a7d6782f51406a7a89893b45d213f539a86c51d94e3b4ee66806d1b879eee964d4f2cd09d3929",
  // lib/connector-secrets/value-encryption.ts: a version byte (1), then "connector-secret:rowId"
  connectorValue: "01ccc57e5e7bc6d8be4c8271f9d74c58890709d737d1d90f86827cbf7ec24102bfd8f4e6dba77653fb68ef43cdb98b19",
  // packages/auth-server/src/keys/key-encryption.ts: the key ID, bytes in and out
  signingKey: "bae2636f47d06c8a17ffab9d60617eefe1fdc1f21432feb72593b940d8f9af5a87",
};

describe("sealing", () => {
  it("opens every column's values as they were stored before", () => {
    expect(openSealed(key, "email:row-1", Buffer.from(STORED.link, "hex")).toString("utf8")).toBe("https://console.example/invite/abc");
    expect(openSealed(key, "org-1", Buffer.from(STORED.ssoSecret, "hex")).toString("utf8")).toBe("sso-client-secret");
    const connector = Buffer.from(STORED.connectorValue, "hex");
    expect(connector[0]).toBe(1);
    expect(openSealed(key, "connector-secret:secret-row-1", connector.subarray(1)).toString("utf8")).toBe("connector value ✓");
    expect([...openSealed(key, "kid-1", Buffer.from(STORED.signingKey, "hex"))]).toEqual([0x30, 0x82, 0x01, 0x02, 0xff]);
  });

  it("keeps the layout: 12-byte IV | 16-byte tag | ciphertext, a fresh IV each time", () => {
    const a = sealBytes(key, "x:1", "hello");
    const b = sealBytes(key, "x:1", "hello");
    expect(a.length).toBe(SEALED_MIN_BYTES + 5);
    expect(a.subarray(0, 12).equals(b.subarray(0, 12))).toBe(false);
    expect(openSealed(key, "x:1", new Uint8Array(a)).toString("utf8")).toBe("hello");
    expect([...openSealed(key, "kid", sealBytes(key, "kid", Uint8Array.of(1, 2, 3)))]).toEqual([1, 2, 3]);
  });

  it("refuses another key, other associated data, or changed bytes", () => {
    const sealed = sealBytes(key, "x:1", "hello");
    expect(() => openSealed(otherKey, "x:1", sealed)).toThrow();
    expect(() => openSealed(key, "x:2", sealed)).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => openSealed(key, "x:1", tampered)).toThrow();
  });
});
