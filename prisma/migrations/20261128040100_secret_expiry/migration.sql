-- Secret expiry: client_secrets.expires_at already exists (a rotation's grace
-- period uses it); a secret may now also be given an expiry when it is
-- issued. Owners can cap how long any new secret of the organization lives.
ALTER TABLE "organizations" ADD COLUMN "max_secret_age_days" INTEGER;
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_max_secret_age_days_range"
  CHECK ("max_secret_age_days" IS NULL OR "max_secret_age_days" BETWEEN 1 AND 3650);

-- The cluster Overview lists live secrets that expire soon.
CREATE INDEX "client_secrets_expires_at_idx" ON "client_secrets"("expires_at") WHERE "revoked_at" IS NULL AND "expires_at" IS NOT NULL;
