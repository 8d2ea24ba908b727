// The keys this process signs and verifies with, decrypted once and reloaded
// when oauth_signing_keys changes (NOTIFY from `npm run keys:rotate` on any
// machine) or every few minutes, which also drops keys past their publication.
import { createPublicKey } from "node:crypto";
import type { JWK } from "jose";
import type pg from "pg";
import type { OAuthLog } from "../protocol/observer";
import type { OAuthSettings } from "../settings";
import type { ChangeListener } from "../store/change-listener";
import { type SigningKey, encodeHeader } from "./jwt";
import { loadPublishedKeys } from "./signing-keys";

const RELOAD_MS = 5 * 60_000;

interface Ring {
  active: SigningKey;
  byKid: Map<string, SigningKey>;
  jwks: { keys: JWK[] };
  loadedAt: number;
}

export class KeyRing {
  private ring: Ring | undefined;
  private loading: Promise<Ring> | undefined;
  private stale = true;

  constructor(
    private readonly pool: pg.Pool,
    private readonly settings: OAuthSettings,
    listener: ChangeListener,
    private readonly log?: OAuthLog,
  ) {
    const invalidate = () => {
      this.stale = true;
    };
    listener.on("oauth_keys_changed", invalidate);
    listener.onReset(invalidate);
  }

  /** The kid this process signs with, once loaded (readiness). */
  get activeKid(): string | undefined {
    return this.ring?.active.kid;
  }

  async current(): Promise<Ring> {
    const ring = this.ring;
    if (ring && !this.stale && Date.now() - ring.loadedAt < RELOAD_MS) return ring;
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(): Promise<Ring> {
    this.stale = false;
    const keys = await loadPublishedKeys(this.pool, this.settings.keyEncryptionKey, this.settings.tokenTtlSeconds);
    const signing = keys.map<SigningKey>((k) => ({
      kid: k.kid,
      alg: k.alg,
      privateKey: k.privateKey,
      publicKey: createPublicKey(k.privateKey),
      encodedHeader: encodeHeader(k.alg, k.kid),
    }));
    const active = signing.find((_, i) => keys[i]!.retiredAt === null);
    if (!active) throw new Error("No active signing key (run the console's start-up or `npm run keys:rotate`).");
    const ring: Ring = {
      active,
      byKid: new Map(signing.map((k) => [k.kid, k])),
      jwks: { keys: keys.map((k) => k.publicJwk) },
      loadedAt: Date.now(),
    };
    const previous = this.ring?.active.kid;
    this.ring = ring;
    if (previous !== active.kid) {
      this.log?.info({ kid: active.kid, alg: active.alg, published: keys.length, previous: previous ?? null }, previous ? "signing key rotated: signing with the new key" : "signing key loaded");
    }
    return ring;
  }
}
