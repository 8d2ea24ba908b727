-- CreateEnum
CREATE TYPE "ClientScope" AS ENUM ('ZEEBE', 'TASKLIST', 'OPERATE', 'OPTIMIZE', 'SECRETS');

-- CreateTable
CREATE TABLE "api_clients" (
    "id" UUID NOT NULL,
    "client_id" TEXT NOT NULL,
    "organization_id" UUID NOT NULL,
    "cluster_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "scopes" "ClientScope"[],
    "created_by_id" UUID,
    "created_by_email" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by_email" TEXT,

    CONSTRAINT "api_clients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "client_secrets" (
    "id" UUID NOT NULL,
    "api_client_id" UUID NOT NULL,
    "secret_hash" BYTEA NOT NULL,
    "hint" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "client_secrets_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_clients_client_id_key" ON "api_clients"("client_id");

-- CreateIndex
CREATE INDEX "api_clients_cluster_id_created_at_idx" ON "api_clients"("cluster_id", "created_at");

-- CreateIndex
CREATE INDEX "api_clients_organization_id_idx" ON "api_clients"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "client_secrets_secret_hash_key" ON "client_secrets"("secret_hash");

-- CreateIndex
CREATE INDEX "client_secrets_api_client_id_idx" ON "client_secrets"("api_client_id");

-- AddForeignKey
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "client_secrets" ADD CONSTRAINT "client_secrets_api_client_id_fkey" FOREIGN KEY ("api_client_id") REFERENCES "api_clients"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Client names are unique among a cluster's live (not revoked) clients.
CREATE UNIQUE INDEX "api_clients_cluster_id_live_name_key" ON "api_clients"("cluster_id", lower("name")) WHERE "revoked_at" IS NULL;

-- Every client holds at least one scope.
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_scopes_not_empty" CHECK (cardinality("scopes") > 0);
