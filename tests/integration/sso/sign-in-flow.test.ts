// Single sign-on against a real OpenID provider (oidc-provider on a loopback
// port, tests/support/oidc-provider.ts): the authorization code flow with
// PKCE, state and nonce, the ID token's checks, joining and linking, the role
// mapping, and every refusal, each with nothing written.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.SSO_ALLOW_PRIVATE_ISSUERS = "true";
  process.env.KEY_ENCRYPTION_KEY ??= Buffer.alloc(32, 9).toString("base64");
});

import { db } from "@/lib/db/client";
import { beginSso, completeSso, organizationForEmail } from "@/lib/sso/sign-in-flow";
import { saveSsoSettings, ssoRedirectUri } from "@/lib/sso/settings";
import { SsoFailure } from "@/lib/sso/failures";
import { ssoSettingsSchema } from "@/lib/sso/schemas";
import { testSsoConnection } from "@/lib/sso/test-connection";
import { providerFetch } from "@/lib/sso/issuer-fetch";
import type { Member } from "@/lib/auth/session";
import { makeMember, uniq } from "@/tests/support/factories";
import { signInAtProvider, startTestProvider, type TestProvider } from "@/tests/support/oidc-provider";

let idp: TestProvider;
let owner: Member;
let domain: string;

async function configure(member: Member, p: TestProvider, domains: string[], extra: Record<string, unknown> = {}) {
  await saveSsoSettings(
    member,
    ssoSettingsSchema.parse({
      issuer: p.issuer,
      clientId: p.clientId,
      clientSecret: p.clientSecret,
      domains: domains.join(", "),
      defaultRole: "DEVELOPER",
      roleClaim: "groups",
      roleClaimValue: "console-admins",
      mappedRole: "ADMIN",
      maxSessionAgeMinutes: "60",
      ...extra,
    }),
  );
}

/** One sign-in through the provider's login page; returns the callback URL and the browser's state. */
async function throughProvider(organizationId: string, login: string) {
  const { url, state } = await beginSso({ organizationId, purpose: "sign-in", returnTo: "/clusters" });
  const callback = await signInAtProvider(url, login, ssoRedirectUri());
  return { callback, state };
}

async function failureOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof SsoFailure) {
      if (process.env.SSO_TEST_DEBUG) console.log(err.code, err.detail);
      return err.code;
    }
    throw err;
  }
  return "succeeded";
}

/** Everything a sign-in could write about a person (the accounts: any of the provider's people; other test files add their own users meanwhile). */
async function footprint(organizationId: string) {
  const emails = [...idp.accounts.values()].map((a) => String(a.email));
  const [users, memberships, events] = await Promise.all([
    db().user.count({ where: { email: { in: emails } } }),
    db().membership.count({ where: { organizationId } }),
    db().auditEvent.count({ where: { organizationId } }),
  ]);
  return { users, memberships, events };
}

beforeAll(async () => {
  idp = await startTestProvider({ redirectUri: ssoRedirectUri() });
  owner = await makeMember("OWNER");
  domain = `sso-${uniq()}.test`;
  await configure(owner, idp, [domain]);
});

afterAll(async () => {
  await idp?.close();
});

describe("single sign-on against oidc-provider", () => {
  it("finds the organization by the email's domain, and nothing for another domain", async () => {
    expect(await organizationForEmail(`someone@${domain}`)).toBe(owner.organizationId);
    expect(await organizationForEmail(`someone@${domain.toUpperCase()}`)).toBe(owner.organizationId);
    expect(await organizationForEmail(`someone@unknown-${uniq()}.test`)).toBeNull();
  });

  it("first sign-in: a verified email in an allowed domain joins with the default role, audited", async () => {
    const email = `ada-${uniq()}@${domain}`;
    idp.accounts.set("ada", { email, email_verified: true, name: "Ada Lovelace" });
    const { callback, state } = await throughProvider(owner.organizationId, "ada");
    expect(callback.searchParams.get("code")).toBeTruthy();
    const result = await completeSso(callback, state);
    expect(result).toMatchObject({ organizationId: owner.organizationId, email, name: "Ada Lovelace", role: "DEVELOPER", purpose: "sign-in" });
    const user = await db().user.findUniqueOrThrow({ where: { email }, omit: { passwordHash: false } });
    expect(user.passwordHash).toBe(""); // no password: signs in through the provider only
    const event = await db().auditEvent.findFirstOrThrow({ where: { organizationId: owner.organizationId, action: "sso.member_joined", targetId: user.id } });
    expect(event.metadata).toMatchObject({ role: "DEVELOPER", mapped: false, newAccount: true });

    // Later sign-in: linked by the verified email, no second account or membership.
    const before = await footprint(owner.organizationId);
    const again = await throughProvider(owner.organizationId, "ada");
    expect((await completeSso(again.callback, again.state)).userId).toBe(user.id);
    expect(await footprint(owner.organizationId)).toEqual(before);
  });

  it("the role mapping: a matching claim gives the mapped role, and is applied again at each sign-in (audited)", async () => {
    const email = `grace-${uniq()}@${domain}`;
    idp.accounts.set("grace", { email, email_verified: true, name: "Grace Hopper", groups: ["staff", "console-admins"] });
    const first = await throughProvider(owner.organizationId, "grace");
    expect((await completeSso(first.callback, first.state)).role).toBe("ADMIN");

    // Removed from the group at the provider: back to the default role at the next sign-in.
    idp.accounts.set("grace", { email, email_verified: true, name: "Grace Hopper", groups: ["staff"] });
    const second = await throughProvider(owner.organizationId, "grace");
    const result = await completeSso(second.callback, second.state);
    expect(result.role).toBe("DEVELOPER");
    const membership = await db().membership.findFirstOrThrow({ where: { organizationId: owner.organizationId, userId: result.userId } });
    expect(membership.role).toBe("DEVELOPER");
    const mapped = await db().auditEvent.findFirstOrThrow({ where: { organizationId: owner.organizationId, action: "sso.role_mapped", targetId: result.userId } });
    expect(mapped.metadata).toMatchObject({ from: "ADMIN", to: "DEVELOPER", matched: false });
  });

  it("links an existing member (made with a password) by the verified email; an owner's role is never mapped", async () => {
    const existing = await makeMember("OWNER", { id: owner.organizationId, name: owner.organizationName });
    idp.accounts.set("owner2", { email: existing.email, email_verified: true, groups: ["console-admins"] });
    const before = await footprint(owner.organizationId);
    const { callback, state } = await throughProvider(owner.organizationId, "owner2");
    const result = await completeSso(callback, state);
    expect(result).toMatchObject({ userId: existing.userId, role: "OWNER" });
    expect(await footprint(owner.organizationId)).toEqual(before);
  });

  it("refuses a replayed callback and a state that does not match, writing nothing", async () => {
    const email = `replay-${uniq()}@${domain}`;
    idp.accounts.set("replay", { email, email_verified: true });
    const { callback, state } = await throughProvider(owner.organizationId, "replay");
    expect(await failureOf(completeSso(callback, "another-browsers-state"))).toBe("state_mismatch");
    expect(await failureOf(completeSso(callback, undefined))).toBe("state_mismatch");
    await completeSso(callback, state);
    const before = await footprint(owner.organizationId);
    expect(await failureOf(completeSso(callback, state))).toBe("used_or_expired");
    expect(await footprint(owner.organizationId)).toEqual(before);
  });

  it("refuses an unverified email and a domain that is not allowed, writing nothing", async () => {
    idp.accounts.set("unverified", { email: `unverified-${uniq()}@${domain}`, email_verified: false });
    idp.accounts.set("stranger", { email: `stranger-${uniq()}@elsewhere-${uniq()}.test`, email_verified: true });
    idp.accounts.set("no-email", {} as never);
    for (const [login, code] of [["unverified", "email_unverified"], ["stranger", "domain_not_allowed"], ["no-email", "email_missing"]] as const) {
      const before = await footprint(owner.organizationId);
      const { callback, state } = await throughProvider(owner.organizationId, login);
      expect(await failureOf(completeSso(callback, state)), login).toBe(code);
      expect(await footprint(owner.organizationId), login).toEqual(before);
    }
  });

  it.each([
    ["wrong-issuer", "id_token_issuer"],
    ["wrong-audience", "id_token_audience"],
    ["expired", "id_token_expired"],
    ["other-key", "id_token_signature"],
    ["alg-none", "id_token_signature"],
    ["wrong-nonce", "id_token_nonce"],
  ] as const)("refuses an ID token with %s (%s), writing nothing", async (tamper, code) => {
    const email = `${tamper}-${uniq()}@${domain}`;
    idp.accounts.set(tamper, { email, email_verified: true });
    const { callback, state } = await throughProvider(owner.organizationId, tamper);
    const before = await footprint(owner.organizationId);
    idp.tamper = tamper;
    try {
      expect(await failureOf(completeSso(callback, state))).toBe(code);
    } finally {
      idp.tamper = null;
    }
    expect(await footprint(owner.organizationId)).toEqual(before);
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("follows the provider's key rotation: a token signed by a new key in the JWKS is accepted", async () => {
    // A sign-in first, so the JWKS with the old key alone is cached.
    idp.accounts.set("rot", { email: `rot-${uniq()}@${domain}`, email_verified: true });
    const warm = await throughProvider(owner.organizationId, "rot");
    await completeSso(warm.callback, warm.state);
    const { callback, state } = await throughProvider(owner.organizationId, "rot");
    idp.tamper = "rotated-key";
    // Past jose's 30-second cool-down between two JWKS downloads (the provider's clock too: its code lives 60 s).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 31_000);
    try {
      expect((await completeSso(callback, state)).organizationId).toBe(owner.organizationId);
    } finally {
      vi.useRealTimers();
      idp.tamper = null;
    }
  });

  it("step-up at the provider: prompt=login and max_age=0, the same person only, nothing joined", async () => {
    const email = `stepper-${uniq()}@${domain}`;
    idp.accounts.set("stepper", { email, email_verified: true });
    const joined = await throughProvider(owner.organizationId, "stepper");
    const { userId } = await completeSso(joined.callback, joined.state);

    const start = await beginSso({ organizationId: owner.organizationId, purpose: "step-up", userId, returnTo: "/organization/single-sign-on" });
    const url = new URL(start.url);
    expect(url.searchParams.get("prompt")).toBe("login");
    expect(url.searchParams.get("max_age")).toBe("0");
    const back = await signInAtProvider(start.url, "stepper", ssoRedirectUri());
    const before = await footprint(owner.organizationId);
    expect(await completeSso(back, start.state, userId)).toMatchObject({ purpose: "step-up", userId, returnTo: "/organization/single-sign-on", role: null });
    expect(await footprint(owner.organizationId)).toEqual(before);

    // Someone else signed in at the provider: refused.
    idp.accounts.set("someone-else", { email: `else-${uniq()}@${domain}`, email_verified: true });
    const other = await beginSso({ organizationId: owner.organizationId, purpose: "step-up", userId, returnTo: "/" });
    const otherBack = await signInAtProvider(other.url, "someone-else", ssoRedirectUri());
    expect(await failureOf(completeSso(otherBack, other.state, userId))).toBe("other_person");
  });

  it("Test connection: discovery, JWKS and the client's credentials, in plain words", async () => {
    const report = await testSsoConnection(owner.organizationId);
    expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
      ["Discovery", true],
      ["Signing keys (JWKS)", true],
      ["Client ID and secret", true],
    ]);
    const other = await makeMember("OWNER");
    await configure(other, idp, [`wrong-secret-${uniq()}.test`], { clientSecret: "not-the-secret" });
    const wrong = await testSsoConnection(other.organizationId);
    expect(wrong.ok).toBe(false);
    expect(wrong.checks[2]).toMatchObject({ name: "Client ID and secret", ok: false });
    expect(wrong.checks[2]!.detail).toMatch(/refused the client ID or secret/);
  });
});

describe("a provider that is down, slow or broken", () => {
  it("an answer larger than 256 KiB is cut off and refused; a redirect is not followed", async () => {
    const big = http.createServer((req, res) => {
      if (req.url === "/redirect") res.writeHead(302, { location: "http://169.254.169.254/" }).end();
      else res.end("x".repeat(300 * 1024));
    });
    await new Promise<void>((r) => big.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(big.address() as AddressInfo).port}`;
    try {
      await expect(providerFetch(`${base}/.well-known/openid-configuration`)).rejects.toThrow(/larger than 256 KiB/);
      expect((await providerFetch(`${base}/redirect`)).status).toBe(302);
    } finally {
      big.closeAllConnections();
      await new Promise((r) => big.close(r));
    }
  });

  it("a bad discovery document: a clear failure when starting, and Test connection says so", async () => {
    const p = await startTestProvider({ redirectUri: ssoRedirectUri() });
    try {
      const m = await makeMember("OWNER");
      await configure(m, p, [`bad-${uniq()}.test`]);
      p.tamper = "bad-discovery";
      expect(await failureOf(beginSso({ organizationId: m.organizationId, purpose: "sign-in", returnTo: "/" }))).toBe("discovery_invalid");
      const report = await testSsoConnection(m.organizationId);
      expect(report.checks[0]).toMatchObject({ name: "Discovery", ok: false });
      expect(await db().ssoLogin.count({ where: { organizationId: m.organizationId } })).toBe(0);
    } finally {
      await p.close();
    }
  });

  it("a provider that does not answer in time, or at all: provider_unreachable, nothing written", async () => {
    const p = await startTestProvider({ redirectUri: ssoRedirectUri() });
    const m = await makeMember("OWNER");
    await configure(m, p, [`slow-${uniq()}.test`]);
    p.tamper = "slow";
    const started = Date.now();
    expect(await failureOf(beginSso({ organizationId: m.organizationId, purpose: "sign-in", returnTo: "/" }))).toBe("provider_unreachable");
    expect(Date.now() - started).toBeLessThan(6_500);
    await p.close();
    expect(await failureOf(beginSso({ organizationId: m.organizationId, purpose: "sign-in", returnTo: "/" }))).toBe("provider_unreachable");
    expect(await db().ssoLogin.count({ where: { organizationId: m.organizationId } })).toBe(0);
  }, 20_000);
});
