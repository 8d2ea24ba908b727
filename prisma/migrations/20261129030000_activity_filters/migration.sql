-- Activity: the actor's name as it was when they acted (the sentences say
-- "Ada Lovelace rotated ...", also after Ada left), and indexes for the
-- Activity filters. Pages stay keyset pages on the id, newest first.

ALTER TABLE "audit_events" ADD COLUMN "actor_name" TEXT;
-- Earlier events: the member's current name, else the recorded label
-- (an Administration API client's events carry "<name> (API client)").
UPDATE "audit_events" e SET "actor_name" = u."name" FROM "users" u WHERE u."id" = e."actor_id";
UPDATE "audit_events" SET "actor_name" = "actor_email" WHERE "actor_name" IS NULL;

-- Who acted: a member (actor_id) or an Administration API client (actor_client_id).
CREATE INDEX "audit_events_organization_id_actor_id_id_idx" ON "audit_events"("organization_id", "actor_id", "id" DESC);
CREATE INDEX "audit_events_organization_id_actor_client_id_id_idx" ON "audit_events"("organization_id", "actor_client_id", "id" DESC);
-- One action (a rare one, such as a deleted cluster, is found without
-- walking the whole trail); a group of actions is common enough that the
-- newest-first scan of (organization_id, id) meets a page's rows early.
CREATE INDEX "audit_events_organization_id_action_id_idx" ON "audit_events"("organization_id", "action", "id" DESC);
-- A date range.
CREATE INDEX "audit_events_organization_id_created_at_idx" ON "audit_events"("organization_id", "created_at" DESC);
