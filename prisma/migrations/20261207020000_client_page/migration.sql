-- A client's page shows each live secret's last use and the source address
-- it came from (recorded by the token endpoint at most once a minute per
-- secret and address), and the client's own Activity.
ALTER TABLE "client_secrets" ADD COLUMN "last_used_at" TIMESTAMPTZ(3), ADD COLUMN "last_used_address" TEXT;

-- Recording a use must not flush every instance's client cache: only changes
-- to what authenticates a client notify (as last_used_at on api_clients).
DROP TRIGGER "client_secrets_oauth_notify" ON "client_secrets";
CREATE TRIGGER "client_secrets_oauth_notify"
AFTER INSERT OR DELETE OR UPDATE OF "api_client_id", "secret_hash", "expires_at", "revoked_at" ON "client_secrets"
FOR EACH ROW EXECUTE FUNCTION "oauth_notify_client_changed"();

-- A client's Activity: its events, newest first.
CREATE INDEX "audit_events_organization_id_target_id_id_idx" ON "audit_events"("organization_id", "target_id", "id" DESC);
