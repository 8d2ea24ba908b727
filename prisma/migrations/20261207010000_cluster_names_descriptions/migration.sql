-- Cluster names are unique within an organization, compared ignoring case
-- (as client names are within a cluster): two "Production EU" clusters could
-- not be told apart in Activity or in its cluster filter.
--
-- Existing duplicates keep working: all but the oldest live cluster of each
-- name get the first 8 characters of their ID appended ("Production EU
-- 3f2a9c1e"), which the cluster's Overview shows as its Cluster ID. Owners can
-- rename them afterwards.
UPDATE "clusters" AS c
SET "name" = left(c."name", 41) || ' ' || left(c."id"::text, 8)
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "organization_id", lower("name") ORDER BY "created_at", "id") AS n
  FROM "clusters"
  WHERE "deleted_at" IS NULL
) AS d
WHERE c."id" = d."id" AND d.n > 1;

CREATE UNIQUE INDEX "clusters_organization_id_live_name_key" ON "clusters"("organization_id", lower("name"))
  WHERE "deleted_at" IS NULL;

-- A cluster may say what it is for (the console's edit dialog and the
-- Administration API's PATCH /clusters/{id} set it).
ALTER TABLE "clusters" ADD COLUMN "description" TEXT NOT NULL DEFAULT '';

-- The Administration API can edit a client (PATCH): its own permission.
ALTER TYPE "AdminPermission" ADD VALUE 'CLIENTS_UPDATE' AFTER 'CLIENTS_CREATE';
