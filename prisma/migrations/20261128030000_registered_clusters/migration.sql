-- Registered clusters: a cluster may carry its real addresses instead of the
-- ones derived from CLUSTER_DOMAIN and its region. NULL keeps the derived
-- addresses (every existing cluster). gRPC and REST come as a pair; the
-- Operate, Tasklist and Optimize URLs are optional. Values are stored
-- normalized by lib/clusters/addresses.ts.
ALTER TABLE "clusters"
  ADD COLUMN "grpc_address" TEXT,
  ADD COLUMN "rest_address" TEXT,
  ADD COLUMN "operate_url" TEXT,
  ADD COLUMN "tasklist_url" TEXT,
  ADD COLUMN "optimize_url" TEXT,
  ADD CONSTRAINT "clusters_registered_address_pair" CHECK (("grpc_address" IS NULL) = ("rest_address" IS NULL));

-- The token path caches each client's cluster addresses (they are audience
-- aliases), so a change of them must reach every instance at once.
DROP TRIGGER "clusters_oauth_notify" ON "clusters";
CREATE TRIGGER "clusters_oauth_notify"
AFTER UPDATE OF "deleted_at", "region", "grpc_address", "rest_address" OR DELETE ON "clusters"
FOR EACH ROW EXECUTE FUNCTION "oauth_notify_client_changed"();
