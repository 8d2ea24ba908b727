// The visible shape of client IDs and client secrets. Plain data, safe in the
// browser: forms validate IDs with it, and the secret prefix is what scanners
// look for. Generating, hashing and checking secrets is node-only
// (`@cluster-console/credentials/secrets`).

// Client IDs: 32 characters of [A-Za-z0-9] (~190 bits).
export const CLIENT_ID_LENGTH = 32;
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9]{32}$/;

/** Every client secret starts with it (see secrets.ts for the whole format). */
export const SECRET_PREFIX = "ccs_";
