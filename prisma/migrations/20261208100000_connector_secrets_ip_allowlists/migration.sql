-- Connector secrets (per cluster): the value is AES-256-GCM encrypted under
-- KEY_ENCRYPTION_KEY (lib/connector-secrets/value-encryption.ts), with the
-- row's ID as associated data; the name is plain (the list shows it). Names
-- are unique within a cluster. A deleted secret's row goes; the Activity
-- trail keeps its name.
CREATE TABLE "connector_secrets" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "cluster_id" UUID NOT NULL,
  "name" TEXT NOT NULL,
  "value" BYTEA NOT NULL,
  "created_by_email" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_by_email" TEXT NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "connector_secrets_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "connector_secrets_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "connector_secrets_cluster_id_name_key" ON "connector_secrets"("cluster_id", "name");

-- IP allowlists: a cluster's (the token endpoint refuses its clients' token
-- requests from elsewhere; empty = everyone) and, narrower, a client's own.
-- Each entry is {"ip": "<address or CIDR>", "description": "..."}.
ALTER TABLE "clusters" ADD COLUMN "ip_allowlist" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "api_clients" ADD COLUMN "ip_allowlist" JSONB NOT NULL DEFAULT '[]';

-- The Administration API's connector-secret operations have permissions of their own.
ALTER TYPE "AdminPermission" ADD VALUE 'SECRETS_GET';
ALTER TYPE "AdminPermission" ADD VALUE 'SECRETS_CREATE';
ALTER TYPE "AdminPermission" ADD VALUE 'SECRETS_UPDATE';
ALTER TYPE "AdminPermission" ADD VALUE 'SECRETS_DELETE';

-- The token endpoint caches clients with their allowlists: a change to either
-- list must reach every instance's cache (packages/auth-server/src/store/change-listener.ts).
DROP TRIGGER "api_clients_oauth_notify" ON "api_clients";
CREATE TRIGGER "api_clients_oauth_notify"
AFTER INSERT OR DELETE OR UPDATE OF "client_id", "organization_id", "cluster_id", "scopes", "admin_permissions", "revoked_at", "ip_allowlist" ON "api_clients"
FOR EACH ROW EXECUTE FUNCTION "oauth_notify_client_changed"();
DROP TRIGGER "clusters_oauth_notify" ON "clusters";
CREATE TRIGGER "clusters_oauth_notify"
AFTER UPDATE OF "deleted_at", "region", "grpc_address", "rest_address", "ip_allowlist" OR DELETE ON "clusters"
FOR EACH ROW EXECUTE FUNCTION "oauth_notify_client_changed"();
