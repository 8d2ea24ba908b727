-- API clients: a description, and indexes that keep the API tab's search,
-- filters, sorting and keyset pagination fast with 100,000 clients per cluster.

-- Trigram indexes serve "name or client ID contains ...". pg_trgm is a
-- trusted extension (PostgreSQL 13+): a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- What the client is for and who owns it; shown under its name.
ALTER TABLE "api_clients" ADD COLUMN "description" TEXT NOT NULL DEFAULT '';

-- One index per sort order, each ending in the primary key, so a page is a
-- bounded index range scan from the keyset cursor (never an OFFSET).
DROP INDEX "api_clients_cluster_id_created_at_idx";
CREATE INDEX "api_clients_cluster_id_created_at_id_idx" ON "api_clients"("cluster_id", "created_at", "id");
CREATE INDEX "api_clients_cluster_id_name_sort_idx" ON "api_clients"("cluster_id", lower("name"), "id");
CREATE INDEX "api_clients_cluster_id_last_used_sort_idx"
    ON "api_clients"("cluster_id", COALESCE("last_used_at", '-infinity'::timestamptz), "id");

-- Counting the matches (up to a cap) reads only this index for the default
-- view, which hides revoked clients.
CREATE INDEX "api_clients_live_idx" ON "api_clients"("cluster_id", "organization_id") WHERE "revoked_at" IS NULL;

CREATE INDEX "api_clients_search_idx" ON "api_clients" USING gin ("name" gin_trgm_ops, "client_id" gin_trgm_ops);
