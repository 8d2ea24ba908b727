-- Policies per client (issue #28): a token lifetime and a token rate limit per
-- client, each optional and bounded by what owners set for the organization;
-- and what happens when a client secret is found in public.

-- What the organization does with a live secret that a scanner (or a member)
-- reports as leaked: revoke it at once (the default) or keep it working and alert.
CREATE TYPE "LeakPolicy" AS ENUM ('REVOKE', 'ALERT');

ALTER TABLE "organizations"
  ADD COLUMN "min_token_ttl_seconds" INTEGER,
  ADD COLUMN "max_token_ttl_seconds" INTEGER,
  ADD COLUMN "max_client_rate_limit" INTEGER,
  ADD COLUMN "leak_policy" "LeakPolicy" NOT NULL DEFAULT 'REVOKE';
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_token_ttl_bounds"
  CHECK (("min_token_ttl_seconds" IS NULL OR "min_token_ttl_seconds" BETWEEN 60 AND 2592000)
     AND ("max_token_ttl_seconds" IS NULL OR "max_token_ttl_seconds" BETWEEN 60 AND 2592000)
     AND ("min_token_ttl_seconds" IS NULL OR "max_token_ttl_seconds" IS NULL OR "min_token_ttl_seconds" <= "max_token_ttl_seconds"));
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_max_client_rate_limit_range"
  CHECK ("max_client_rate_limit" IS NULL OR "max_client_rate_limit" BETWEEN 1 AND 1000000000);

-- null: the instance's TOKEN_TTL_SECONDS / RATE_LIMIT_CLIENT_POINTS.
ALTER TABLE "api_clients"
  ADD COLUMN "token_ttl_seconds" INTEGER,
  ADD COLUMN "token_rate_limit" INTEGER;
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_token_ttl_seconds_range"
  CHECK ("token_ttl_seconds" IS NULL OR "token_ttl_seconds" BETWEEN 60 AND 2592000);
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_token_rate_limit_range"
  CHECK ("token_rate_limit" IS NULL OR "token_rate_limit" BETWEEN 1 AND 1000000000);

-- A changed lifetime or limit must reach every instance's client cache within
-- the request that commits it, like a change of scopes.
DROP TRIGGER "api_clients_oauth_notify" ON "api_clients";
CREATE TRIGGER "api_clients_oauth_notify"
AFTER INSERT OR DELETE OR UPDATE OF "client_id", "organization_id", "cluster_id", "scopes", "admin_permissions", "revoked_at", "token_ttl_seconds", "token_rate_limit" ON "api_clients"
FOR EACH ROW EXECUTE FUNCTION "oauth_notify_client_changed"();

-- The organization's bounds are applied when a client is loaded: a change
-- flushes every cached client (rare, owners only).
CREATE FUNCTION "oauth_notify_organization_policy_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('oauth_client_changed', '*');
  RETURN NULL;
END $$;
CREATE TRIGGER "organizations_oauth_notify"
AFTER UPDATE OF "min_token_ttl_seconds", "max_token_ttl_seconds", "max_client_rate_limit" ON "organizations"
FOR EACH ROW EXECUTE FUNCTION "oauth_notify_organization_policy_changed"();

-- One row per leak reported for a live secret: where it was found, who
-- reported it, what was done. The secret itself is never stored, only the
-- row of its digest (client_secret_id) and its hint.
CREATE TABLE "client_secret_leaks" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "api_client_id" UUID NOT NULL,
    "client_secret_id" UUID NOT NULL,
    "secret_hint" TEXT NOT NULL,
    "found_url" TEXT,
    "found_source" TEXT,
    "reporter_kind" TEXT NOT NULL,
    "reported_by" TEXT NOT NULL,
    "revoked" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "client_secret_leaks_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "client_secret_leaks_reporter_kind" CHECK ("reporter_kind" IN ('scanner', 'member', 'admin_api'))
);
CREATE INDEX "client_secret_leaks_api_client_id_created_at_idx" ON "client_secret_leaks"("api_client_id", "created_at" DESC);
CREATE INDEX "client_secret_leaks_organization_id_idx" ON "client_secret_leaks"("organization_id");
ALTER TABLE "client_secret_leaks" ADD CONSTRAINT "client_secret_leaks_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "client_secret_leaks" ADD CONSTRAINT "client_secret_leaks_api_client_id_fkey" FOREIGN KEY ("api_client_id") REFERENCES "api_clients"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "client_secret_leaks" ADD CONSTRAINT "client_secret_leaks_client_secret_id_fkey" FOREIGN KEY ("client_secret_id") REFERENCES "client_secrets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Replay protection of the public leak report endpoint: the SHA-256 digest of
-- every signed body accepted, kept for a week (older rows are deleted when
-- reports arrive). A second delivery of the same body changes nothing.
CREATE TABLE "leak_report_deliveries" (
    "body_digest" BYTEA NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "leak_report_deliveries_pkey" PRIMARY KEY ("body_digest")
);
CREATE INDEX "leak_report_deliveries_received_at_idx" ON "leak_report_deliveries"("received_at");
