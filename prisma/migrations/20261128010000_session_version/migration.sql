-- Server-side end of console sessions. Every session cookie carries the
-- user's session_version from the moment it was issued; a cookie whose
-- version no longer matches is refused where the session is decoded
-- (lib/auth/session.ts). Sign-out, "sign out everywhere" and a password
-- change bump it (lib/auth/session-version.ts).
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;
