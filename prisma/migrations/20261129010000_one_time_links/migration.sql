-- One-time links (lib/one-time-links): invitations to join an organization
-- and password-reset links. Each link's token is stored only as its SHA-256
-- digest; a link is used up by one conditional UPDATE (used_at IS NULL AND
-- revoked_at IS NULL AND expires_at > now), so two simultaneous uses of one
-- link cannot both succeed.
CREATE TABLE "invitations" (
  "id" UUID NOT NULL,
  "organization_id" UUID NOT NULL,
  "email" TEXT NOT NULL,
  "role" "Role" NOT NULL,
  "token_hash" BYTEA NOT NULL,
  "invited_by_id" UUID,
  "invited_by_email" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "used_at" TIMESTAMPTZ(3),
  "used_by_id" UUID,
  "revoked_at" TIMESTAMPTZ(3),
  "revoked_by_email" TEXT,
  CONSTRAINT "invitations_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "invitations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"("token_hash");
CREATE INDEX "invitations_organization_id_created_at_idx" ON "invitations"("organization_id", "created_at");
-- At most one open (unused, unrevoked) invitation per email and organization:
-- a new one replaces the old in the same transaction.
CREATE UNIQUE INDEX "invitations_open_email_key" ON "invitations"("organization_id", "email")
  WHERE "used_at" IS NULL AND "revoked_at" IS NULL;

CREATE TABLE "password_resets" (
  "id" UUID NOT NULL,
  "organization_id" UUID NOT NULL,
  "user_id" UUID NOT NULL,
  "token_hash" BYTEA NOT NULL,
  "issued_by_id" UUID,
  "issued_by_email" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "used_at" TIMESTAMPTZ(3),
  "revoked_at" TIMESTAMPTZ(3),
  CONSTRAINT "password_resets_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "password_resets_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE,
  CONSTRAINT "password_resets_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "password_resets_token_hash_key" ON "password_resets"("token_hash");
CREATE INDEX "password_resets_user_id_idx" ON "password_resets"("user_id");
