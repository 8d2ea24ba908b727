// One-time links: invitations to an organization and password-reset links
// share everything about the link itself, here: how a token is generated,
// recognised, hashed, turned into a URL, issued and used up.
//
// Token format: <prefix><43 chars base64url = 32 random bytes>, e.g.
// cci_... for an invitation and ccr_... for a password reset, so a leak
// scanner can recognise one. Like client secrets (packages/credentials/src/secrets.ts),
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
import { db, type Tx } from "@/lib/db/client";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";

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

/** The refusal for a link that cannot be used: its holder's message, as a conflict. */
export const linkError = (state: Exclude<LinkState, "open">) => new AppError("conflict", LINK_STATE_MESSAGES[state]);

export type OpenLink = { state: "open"; id: string } | { state: Exclude<LinkState, "open">; message: string };

const unusable = (state: Exclude<LinkState, "open">): OpenLink => ({ state, message: LINK_STATE_MESSAGES[state] });

/** The row id of the open link with this token, or why it cannot be used (without using it). */
export async function findOpenLink(kind: LinkKind, token: string, now: Date = new Date()): Promise<OpenLink> {
  const hash = parseLinkToken(kind, token);
  const found = hash ? await linkState(db(), kind, hash, now) : null;
  if (!found) return unusable("unknown");
  return found.state === "open" ? { state: "open", id: found.id } : unusable(found.state);
}

/**
 * Uses the link with this token and runs what it does, `then`, in the same
 * transaction: a refusal in `then` rolls the use back and leaves the link
 * usable. A link that cannot be used throws linkError.
 */
export async function redeemLink<T>(kind: LinkKind, token: string, now: Date, then: (tx: Tx, id: string) => Promise<T>): Promise<T> {
  const hash = parseLinkToken(kind, token);
  if (!hash) throw linkError("unknown");
  return db().$transaction(async (tx) => {
    const used = await useLink(tx, kind, hash, now);
    if (!used.ok) throw linkError(used.state);
    return then(tx, used.id);
  });
}

/** The columns every stored link has, for a new one. */
export interface NewLinkRow {
  tokenHash: Buffer<ArrayBuffer>;
  createdAt: Date;
  expiresAt: Date;
}

export interface IssuedOneTimeLink<S> {
  /** What `check` found: whom the link is for. */
  subject: S;
  /** The stored row's id. */
  id: string;
  /** An open link was revoked to make room for this one. */
  replaced: boolean;
  /** The link with its token: shown once, stored only as its digest. */
  url: string;
  expiresAt: Date;
  lifetime: string;
}

/**
 * Issues a new link of this kind in one transaction, in the order both kinds
 * follow: `check` refuses or finds whom the link is for, `revokeOpen`
 * withdraws the older open link (before the new row, which a partial unique
 * index may forbid beside it), `store` saves the new row with the token's
 * digest, `audit` records it. The plaintext token leaves only in the answer.
 */
export async function issueOneTimeLink<S>(
  kind: LinkKind,
  now: Date,
  steps: {
    check: (tx: Tx) => Promise<S>;
    revokeOpen: (tx: Tx) => Promise<{ count: number }>;
    store: (tx: Tx, row: NewLinkRow) => Promise<{ id: string }>;
    audit: (tx: Tx, issued: IssuedOneTimeLink<S>) => Promise<void>;
  },
): Promise<IssuedOneTimeLink<S>> {
  const link = issueLink(kind, now);
  return db().$transaction(async (tx) => {
    const subject = await steps.check(tx);
    const revoked = await steps.revokeOpen(tx);
    const { id } = await steps.store(tx, { tokenHash: link.tokenHash, createdAt: now, expiresAt: link.expiresAt });
    const issued = { subject, id, replaced: revoked.count > 0, url: link.url, expiresAt: link.expiresAt, lifetime: LINK_KINDS[kind].lifetime };
    await steps.audit(tx, issued);
    return issued;
  });
}
