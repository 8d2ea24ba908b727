-- Usage per API client per hour: tokens issued, failed authentications and
-- rate-limited requests. Each console instance counts in memory and adds its
-- counts here in one statement every few seconds (lib/ops/usage-counter.ts),
-- so rows are summed over instances and no token request writes on its own.
-- Rows older than 8 days are deleted by the instances as they flush.
CREATE TABLE "api_client_usage" (
    "api_client_id" UUID NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "tokens_issued" INTEGER NOT NULL DEFAULT 0,
    "failed_auth" INTEGER NOT NULL DEFAULT 0,
    "rate_limited" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "api_client_usage_pkey" PRIMARY KEY ("api_client_id", "hour")
);

CREATE INDEX "api_client_usage_hour_idx" ON "api_client_usage"("hour");

ALTER TABLE "api_client_usage" ADD CONSTRAINT "api_client_usage_api_client_id_fkey" FOREIGN KEY ("api_client_id") REFERENCES "api_clients"("id") ON DELETE CASCADE ON UPDATE CASCADE;
