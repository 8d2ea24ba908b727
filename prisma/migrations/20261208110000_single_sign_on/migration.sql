-- Single sign-on (OpenID Connect), one provider per organization (issue #27).
-- The client secret is stored only AES-256-GCM-sealed under KEY_ENCRYPTION_KEY
-- (lib/sso/secret-sealing.ts), with the organization's ID as associated data.
CREATE TABLE "sso_providers" (
  "organization_id" UUID NOT NULL,
  "issuer" TEXT NOT NULL,
  "client_id" TEXT NOT NULL,
  "client_secret_sealed" BYTEA NOT NULL,
  "client_secret_hint" TEXT NOT NULL,
  "default_role" "Role" NOT NULL DEFAULT 'DEVELOPER',
  -- Optional claim -> role rule: when the ID token's <role_claim> equals or
  -- contains <role_claim_value>, the member gets <mapped_role>.
  "role_claim" TEXT,
  "role_claim_value" TEXT,
  "mapped_role" "Role",
  "require_sso" BOOLEAN NOT NULL DEFAULT false,
  "max_session_age_minutes" INTEGER NOT NULL DEFAULT 480,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "sso_providers_pkey" PRIMARY KEY ("organization_id"),
  CONSTRAINT "sso_providers_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "sso_providers_role_mapping_check" CHECK (("role_claim" IS NULL) = ("role_claim_value" IS NULL) AND ("role_claim" IS NULL) = ("mapped_role" IS NULL)),
  CONSTRAINT "sso_providers_max_session_age_check" CHECK ("max_session_age_minutes" BETWEEN 5 AND 480)
);

-- The email domains allowed to join through an organization's provider. A
-- domain belongs to one organization at most: the sign-in page sends an email
-- to its domain's provider.
CREATE TABLE "sso_domains" (
  "domain" TEXT NOT NULL,
  "organization_id" UUID NOT NULL,
  CONSTRAINT "sso_domains_pkey" PRIMARY KEY ("domain"),
  CONSTRAINT "sso_domains_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "sso_providers"("organization_id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "sso_domains_organization_id_idx" ON "sso_domains"("organization_id");

-- One sign-in (or step-up) at the provider in progress: state, nonce and PKCE
-- verifier kept on the server, found by the state's SHA-256, used once.
CREATE TABLE "sso_logins" (
  "state_digest" TEXT NOT NULL,
  "organization_id" UUID NOT NULL,
  "purpose" TEXT NOT NULL,
  -- Step-up: the user who must come back.
  "user_id" UUID,
  "nonce" TEXT NOT NULL,
  "code_verifier" TEXT NOT NULL,
  "return_to" TEXT NOT NULL DEFAULT '/clusters',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "used_at" TIMESTAMPTZ(3),
  CONSTRAINT "sso_logins_pkey" PRIMARY KEY ("state_digest"),
  CONSTRAINT "sso_logins_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "sso_logins_purpose_check" CHECK ("purpose" IN ('sign-in', 'step-up'))
);
CREATE INDEX "sso_logins_expires_at_idx" ON "sso_logins"("expires_at");
