-- Authorization server: signing keys, rate-limit counters, cache invalidation.

-- Signing keys. The private key is encrypted with KEY_ENCRYPTION_KEY
-- (AES-256-GCM: 12-byte IV | 16-byte tag | ciphertext of the PKCS#8 DER).
-- retired_at is set when a newer key takes over; the public key stays in the
-- JWKS until retired_at + the token lifetime, so issued tokens still verify.
CREATE TABLE "oauth_signing_keys" (
    "kid" TEXT NOT NULL,
    "alg" TEXT NOT NULL,
    "public_jwk" JSONB NOT NULL,
    "private_key" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "oauth_signing_keys_pkey" PRIMARY KEY ("kid")
);

-- At most one active (signing) key: concurrent starters cannot both create one.
CREATE UNIQUE INDEX "oauth_signing_keys_one_active_key" ON "oauth_signing_keys"((true)) WHERE "retired_at" IS NULL;

-- rate-limiter-flexible's RateLimiterPostgres table (its own layout; created
-- here so the application never needs CREATE rights at run time).
CREATE TABLE "oauth_rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "oauth_rate_limits_pkey" PRIMARY KEY ("key")
);

-- Every console instance caches clients and secrets in memory for the token
-- path and LISTENs on these channels; a change is seen by all instances as
-- soon as it commits. last_used_at updates deliberately do not notify.
CREATE FUNCTION "oauth_notify_client_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'api_clients' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('oauth_client_changed', OLD.client_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('oauth_client_changed', NEW.client_id); END IF;
  ELSIF TG_TABLE_NAME = 'client_secrets' THEN
    PERFORM pg_notify('oauth_client_changed', c.client_id)
       FROM "api_clients" c
      WHERE c.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.api_client_id ELSE NEW.api_client_id END;
  ELSE
    -- clusters: a deleted cluster's clients stop working; flush everything.
    PERFORM pg_notify('oauth_client_changed', '*');
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "api_clients_oauth_notify"
AFTER INSERT OR DELETE OR UPDATE OF "client_id", "organization_id", "cluster_id", "scopes", "revoked_at" ON "api_clients"
FOR EACH ROW EXECUTE FUNCTION "oauth_notify_client_changed"();

CREATE TRIGGER "client_secrets_oauth_notify"
AFTER INSERT OR DELETE OR UPDATE ON "client_secrets"
FOR EACH ROW EXECUTE FUNCTION "oauth_notify_client_changed"();

CREATE TRIGGER "clusters_oauth_notify"
AFTER UPDATE OF "deleted_at" OR DELETE ON "clusters"
FOR EACH ROW EXECUTE FUNCTION "oauth_notify_client_changed"();

CREATE FUNCTION "oauth_notify_keys_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('oauth_keys_changed', '');
  RETURN NULL;
END $$;

CREATE TRIGGER "oauth_signing_keys_notify"
AFTER INSERT OR UPDATE OR DELETE ON "oauth_signing_keys"
FOR EACH STATEMENT EXECUTE FUNCTION "oauth_notify_keys_changed"();
