-- Notifications (issue 29): email and signed webhooks, delivered through the
-- pg-boss job queue (its own schema "pgboss", created by pg-boss at start-up).
-- These tables are the transactional outbox: a row is written in the same
-- transaction as the change that causes it, and each instance's relay hands
-- new rows to the queue (job id = row id, so a row becomes one job only).

-- One email to one person. Bodies never hold a secret: an invitation's or a
-- reset's link is sealed (AES-256-GCM under KEY_ENCRYPTION_KEY) in link_sealed
-- and cleared once the message is sent or has finally failed.
CREATE TABLE "email_messages" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID,
  "kind" TEXT NOT NULL,
  "to_address" TEXT NOT NULL,
  "subject" TEXT NOT NULL,
  "text_body" TEXT NOT NULL,
  "html_body" TEXT NOT NULL,
  "link_sealed" BYTEA,
  "status" TEXT NOT NULL DEFAULT 'queued',
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "last_error" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "enqueued_at" TIMESTAMPTZ(3),
  "sent_at" TIMESTAMPTZ(3),
  "failed_at" TIMESTAMPTZ(3),
  CONSTRAINT "email_messages_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "email_messages_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE
);
CREATE INDEX "email_messages_relay_idx" ON "email_messages"("created_at") WHERE "enqueued_at" IS NULL;
CREATE INDEX "email_messages_organization_id_created_at_idx" ON "email_messages"("organization_id", "created_at" DESC);

-- Each expiry notice of a secret once: 14 days before, 3 days before, on the day.
CREATE TABLE "secret_expiry_notices" (
  "secret_id" UUID NOT NULL,
  "days_before" INTEGER NOT NULL,
  "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "secret_expiry_notices_pkey" PRIMARY KEY ("secret_id", "days_before"),
  CONSTRAINT "secret_expiry_notices_secret_id_fkey" FOREIGN KEY ("secret_id") REFERENCES "client_secrets"("id") ON DELETE CASCADE
);

-- A receiver of the organization's events. The signing secrets are sealed
-- (AES-256-GCM under KEY_ENCRYPTION_KEY): the current one, and the previous
-- one until previous_secret_until (rotation with an overlap).
CREATE TABLE "webhook_endpoints" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "organization_id" UUID NOT NULL,
  "url" TEXT NOT NULL,
  "description" TEXT NOT NULL DEFAULT '',
  "events" TEXT[] NOT NULL,
  "secret_sealed" BYTEA NOT NULL,
  "previous_secret_sealed" BYTEA,
  "previous_secret_until" TIMESTAMPTZ(3),
  "disabled_at" TIMESTAMPTZ(3),
  "disabled_reason" TEXT,
  "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
  "created_by_email" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "webhook_endpoints_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE
);
CREATE INDEX "webhook_endpoints_organization_id_idx" ON "webhook_endpoints"("organization_id");

-- One event for one endpoint; its id is the webhook-id the receiver deduplicates on.
CREATE TABLE "webhook_deliveries" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "endpoint_id" UUID NOT NULL,
  "event_id" BIGINT,
  "event_type" TEXT NOT NULL,
  "payload" JSONB NOT NULL,
  "status" TEXT NOT NULL DEFAULT 'pending',
  "attempts" INTEGER NOT NULL DEFAULT 0,
  -- Each redelivery from the log queues the row again under a new job ID derived from it.
  "generation" INTEGER NOT NULL DEFAULT 0,
  "response_status" INTEGER,
  "duration_ms" INTEGER,
  "last_error" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "enqueued_at" TIMESTAMPTZ(3),
  "last_attempt_at" TIMESTAMPTZ(3),
  CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE
);
CREATE INDEX "webhook_deliveries_relay_idx" ON "webhook_deliveries"("created_at") WHERE "enqueued_at" IS NULL;
CREATE INDEX "webhook_deliveries_endpoint_id_created_at_idx" ON "webhook_deliveries"("endpoint_id", "created_at" DESC);

-- Administration API credentials may manage webhook endpoints.
ALTER TYPE "AdminPermission" ADD VALUE 'WEBHOOKS_GET';
ALTER TYPE "AdminPermission" ADD VALUE 'WEBHOOKS_CREATE';
ALTER TYPE "AdminPermission" ADD VALUE 'WEBHOOKS_UPDATE';
ALTER TYPE "AdminPermission" ADD VALUE 'WEBHOOKS_DELETE';
