// One-time links: invitations to an organization and password-reset links
// share everything about the link itself, here: how a token is generated,
// recognised, hashed, turned into a URL, and used up.
//
// Token format: <prefix><43 chars base64url = 32 random bytes>, e.g.
// cci_... for an invitation and ccr_... for a password reset, so a leak
// scanner can recognise one. Like client secrets (lib/api-clients/secrets.ts),
// a token is 256 bits of CSPRNG output stored only as its SHA-256 digest and
// found by that digest through a unique index: the plaintext exists only in
// the one answer that shows the link, and in the link itself.
//
// Using a link is one conditional UPDATE ... WHERE used_at IS NULL AND
// revoked_at IS NULL AND expires_at > now RETURNING, inside the transaction
// of what the link does: of two simultaneous uses exactly one gets the row;
// the other sees the link used once the first commits (or usable again if
// the first rolled back). "now" is passed in so tests control the clock.
import { createHash, randomBytes } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { config } from "@/lib/config";

const DAY_MS = 24 * 60 * 60 * 1000;

export const LINK_KINDS = {
  invitation: { prefix: "cci_", path: "/invite/", table: Prisma.raw('"invitations"'), lifetimeMs: 7 * DAY_MS, lifetime: "7 days" },
  password_reset: { prefix: "ccr_", path: "/reset/", table: Prisma.raw('"password_resets"'), lifetimeMs: DAY_MS, lifetime: "24 hours" },
} as const;

export type LinkKind = keyof typeof LINK_KINDS;

const BODY_LENGTH = 43; // base64url of 32 bytes, unpadded

export interface IssuedLink {
  /** The plaintext token: shown once, never stored. */
  token: string;
  tokenHash: Buffer<ArrayBuffer>;
  url: string;
  expiresAt: Date;
}

export function issueLink(kind: LinkKind, now: Date = new Date()): IssuedLink {
  const k = LINK_KINDS[kind];
  const token = k.prefix + randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token), url: linkUrl(kind, token), expiresAt: new Date(now.getTime() + k.lifetimeMs) };
}

export function linkUrl(kind: LinkKind, token: string): string {
  return `${config().PUBLIC_URL}${LINK_KINDS[kind].path}${token}`;
}

/** The stored form of a token: its SHA-256 digest (32 bytes). */
export function hashLinkToken(token: string): Buffer<ArrayBuffer> {
  return Buffer.from(createHash("sha256").update(token, "utf8").digest());
}

/** A token as it arrives in a page's path segment; a broken %-escape is just a token that matches nothing. */
export function pathToken(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The digest of a well-formed token of this kind, or null (checked before any lookup). */
export function parseLinkToken(kind: LinkKind, raw: unknown): Buffer<ArrayBuffer> | null {
  if (typeof raw !== "string") return null;
  const { prefix } = LINK_KINDS[kind];
  if (raw.length !== prefix.length + BODY_LENGTH || !raw.startsWith(prefix)) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(raw.slice(prefix.length))) return null;
  return hashLinkToken(raw);
}

export type LinkState = "open" | "expired" | "used" | "revoked" | "unknown";

/** What a link's holder is told when it cannot be used. */
export const LINK_STATE_MESSAGES: Record<Exclude<LinkState, "open">, string> = {
  unknown: "This link is not valid. Check that you copied all of it, or ask for a new one.",
  expired: "This link has expired. Ask for a new one.",
  used: "This link has already been used. Each link works once; ask for a new one if you need it.",
  revoked: "This link was withdrawn. Ask for a new one.",
};

/** The state of the link with this digest (without using it). */
export async function linkState(tx: Pick<Tx, "$queryRaw">, kind: LinkKind, tokenHash: Uint8Array, now: Date = new Date()): Promise<{ id: string; state: LinkState } | null> {
  const rows = await tx.$queryRaw<{ id: string; used: boolean; revoked: boolean; expired: boolean }[]>`
    SELECT id, used_at IS NOT NULL AS used, revoked_at IS NOT NULL AS revoked, expires_at <= ${now} AS expired
      FROM ${LINK_KINDS[kind].table} WHERE token_hash = ${tokenHash}`;
  const r = rows[0];
  if (!r) return null;
  return { id: r.id, state: r.used ? "used" : r.revoked ? "revoked" : r.expired ? "expired" : "open" };
}

/**
 * Uses up the link: its row id, or the reason it cannot be used. Call inside
 * the transaction of what the link does, so a failure after this point
 * leaves the link unused.
 */
export async function useLink(
  tx: Tx,
  kind: LinkKind,
  tokenHash: Uint8Array,
  now: Date = new Date(),
): Promise<{ ok: true; id: string } | { ok: false; state: Exclude<LinkState, "open"> }> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE ${LINK_KINDS[kind].table} SET used_at = ${now}
     WHERE token_hash = ${tokenHash} AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ${now}
     RETURNING id`;
  if (rows[0]) return { ok: true, id: rows[0].id };
  const state = (await linkState(tx, kind, tokenHash, now))?.state ?? "unknown";
  // Open here means another transaction used it and rolled back in between: say "used" rather than retry.
  return { ok: false, state: state === "open" ? "used" : state };
}
