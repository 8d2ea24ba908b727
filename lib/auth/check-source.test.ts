import { describe, expect, it } from "vitest";
import { sourceGroup } from "@/lib/auth/check-source";

describe("sourceGroup", () => {
  it("groups IPv6 by /64, whatever the spelling", () => {
    const a = sourceGroup("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
    expect(a).toBe("2001:db8:1:2::/64");
    expect(sourceGroup("2001:0DB8:0001:0002::1")).toBe(a);
    expect(sourceGroup("2001:db8:1:2::1%eth0")).toBe(a);
    expect(sourceGroup("2001:db8:1:3::1")).not.toBe(a);
    expect(sourceGroup("::1")).toBe("0:0:0:0::/64");
  });

  it("keeps IPv4 whole, also when mapped into IPv6", () => {
    expect(sourceGroup("203.0.113.7")).toBe("203.0.113.7");
    expect(sourceGroup("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(sourceGroup("203.0.113.8")).not.toBe(sourceGroup("203.0.113.7"));
  });

  it("never keeps what a caller typed: anything else is a digest; no address is one shared source", () => {
    const typed = sourceGroup("not an address, <script>");
    expect(typed).toMatch(/^#[\w-]{43}$/);
    expect(typed).not.toContain("script");
    expect(sourceGroup(null)).toBe("unknown");
    expect(sourceGroup("")).toBe("unknown");
  });
});
