-- Administration API credentials: organization-level API clients.
--
-- They live in api_clients next to the cluster clients, so they share the
-- secret format, hashing, rotation with a grace period, revocation, last-used
-- tracking, the token endpoint's cache and its NOTIFY invalidation. What tells
-- them apart is structural: an admin client has no cluster and no cluster
-- scopes, only admin permissions; a cluster client has no admin permissions.
CREATE TYPE "AdminPermission" AS ENUM (
  'CLUSTERS_GET', 'CLUSTERS_CREATE', 'CLUSTERS_UPDATE', 'CLUSTERS_DELETE',
  'CLIENTS_GET', 'CLIENTS_CREATE', 'CLIENTS_ROTATE', 'CLIENTS_DELETE',
  'MEMBERS_GET', 'MEMBERS_CREATE', 'MEMBERS_DELETE',
  'ACTIVITY_GET'
);

ALTER TABLE "api_clients" ALTER COLUMN "cluster_id" DROP NOT NULL;
ALTER TABLE "api_clients" ADD COLUMN "admin_permissions" "AdminPermission"[] NOT NULL DEFAULT '{}';

ALTER TABLE "api_clients" DROP CONSTRAINT "api_clients_scopes_not_empty";
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_kind" CHECK (
  ("cluster_id" IS NOT NULL AND cardinality("scopes") > 0 AND cardinality("admin_permissions") = 0)
  OR ("cluster_id" IS NULL AND cardinality("scopes") = 0 AND cardinality("admin_permissions") > 0)
);

-- Admin client names are unique among an organization's live admin clients.
CREATE UNIQUE INDEX "api_clients_admin_live_name_key" ON "api_clients"("organization_id", lower("name"))
  WHERE "cluster_id" IS NULL AND "revoked_at" IS NULL;
CREATE INDEX "api_clients_admin_created_at_idx" ON "api_clients"("organization_id", "created_at")
  WHERE "cluster_id" IS NULL;

-- A change of permissions must reach every instance's client cache, like a change of scopes.
DROP TRIGGER "api_clients_oauth_notify" ON "api_clients";
CREATE TRIGGER "api_clients_oauth_notify"
AFTER INSERT OR DELETE OR UPDATE OF "client_id", "organization_id", "cluster_id", "scopes", "admin_permissions", "revoked_at" ON "api_clients"
FOR EACH ROW EXECUTE FUNCTION "oauth_notify_client_changed"();

-- The audit trail names an admin client as the actor of what it changed
-- (actor_id stays NULL: it is not a user).
ALTER TABLE "audit_events" ADD COLUMN "actor_client_id" TEXT;
