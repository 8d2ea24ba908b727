-- Camunda 8.8's Orchestration Cluster API scope took in Zeebe, Tasklist and
-- Operate. The console stores it as those three, always together
-- (packages/credentials/src/scopes.ts): a client with any of them gets all three, so
-- it keeps every token it could get before (same secrets, same audiences)
-- and also gets those of the 8.8 clients. Optimize and Secrets stay as they
-- are. The change triggers (api_clients_oauth_notify) flush the token
-- endpoint's client caches.
UPDATE "api_clients"
SET "scopes" = ARRAY(
  SELECT s FROM unnest(enum_range(NULL::"ClientScope")) AS s
  WHERE s IN ('ZEEBE', 'TASKLIST', 'OPERATE') OR s = ANY ("scopes")
)
WHERE "scopes" && ARRAY['ZEEBE', 'TASKLIST', 'OPERATE']::"ClientScope"[]
  AND NOT "scopes" @> ARRAY['ZEEBE', 'TASKLIST', 'OPERATE']::"ClientScope"[];
