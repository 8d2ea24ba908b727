// Don't sign what was just signed. Many client applications ask for a new
// token on every call instead of caching one; each such request used to cost
// a fresh RSA signature. A client that asks again for the same audience and
// scopes within the reuse window gets the token it was just given, with its
// remaining expires_in. The request is still authenticated against the stored
// hash and still charged to the rate limits before it gets here.
//
// Why this is safe: the tokens are held per cached client object (a WeakMap
// keyed by the ClientCache entry), so whatever drops that entry -- NOTIFY on
// revocation, rotation, a secret's expiry being set, a scope change, a
// deleted cluster, a LISTEN reconnect -- drops its tokens in the same event,
// on every instance. A token is reused only while it was signed by the active
// key (a key rotation ends reuse), only to callers of the secret it was
// minted with (the slot names the secret: secret-binding.ts), only before
// that secret expires (a grace period ending ends reuse), and only for the
// first half of its lifetime at most (the client's own lifetime, where it
// has one: a change of it is a NOTIFY that drops the held tokens too). A secret revoked now is a NOTIFY like
// any other change, so its tokens are never handed out again.
import type { CachedClient, CachedSecret } from "../clients/client-cache";

export interface HeldToken {
  /** Shared by requests that arrive while it is being signed. */
  token: Promise<string>;
  kid: string;
  /** Seconds since the epoch, as in the JWT. */
  exp: number;
  /** Milliseconds since the epoch: after this the token is not handed out again. */
  reuseUntil: number;
}

// A client has 5 scopes and 5 audiences: a handful of slots in practice. The
// cap keeps a client that cycles through scope combinations from growing its
// entry; the client cache's own bound caps the number of clients.
const MAX_SLOTS_PER_CLIENT = 8;

export class ReusableTokens {
  private readonly byClient = new WeakMap<CachedClient, Map<string, HeldToken>>();
  readonly windowMs: number;

  constructor(reuseSeconds: number, tokenTtlSeconds: number) {
    this.windowMs = Math.min(reuseSeconds, Math.floor(tokenTtlSeconds / 2)) * 1000;
  }

  get enabled(): boolean {
    return this.windowMs > 0;
  }

  /** The token held for this client and slot (secret + audience + scopes), if it may be handed out again now. */
  find(client: CachedClient, slot: string, kid: string, now: number): HeldToken | undefined {
    const held = this.byClient.get(client)?.get(slot);
    if (!held || held.kid !== kid || now >= held.reuseUntil) return undefined;
    return held;
  }

  /** Remembers a token being signed; forgets it again if signing fails. */
  hold(client: CachedClient, secret: CachedSecret, slot: string, token: Promise<string>, kid: string, iatSeconds: number, exp: number, now: number): void {
    if (!this.enabled) return;
    let slots = this.byClient.get(client);
    if (!slots) {
      slots = new Map();
      this.byClient.set(client, slots);
    }
    for (const [k, h] of slots) if (now >= h.reuseUntil) slots.delete(k);
    if (slots.size >= MAX_SLOTS_PER_CLIENT) slots.delete(slots.keys().next().value as string);
    // Half the token's own lifetime at most: a client's lifetime may be shorter than the instance's.
    const windowMs = Math.min(this.windowMs, Math.floor((exp - iatSeconds) / 2) * 1000);
    const held: HeldToken = { token, kid, exp, reuseUntil: Math.min(iatSeconds * 1000 + windowMs, secret.expiresAt ?? Infinity) };
    slots.set(slot, held);
    token.catch(() => {
      if (slots.get(slot) === held) slots.delete(slot);
    });
  }
}
