// The published form of a client secret, for scanners: GitHub's secret
// scanning partner program, GitHub custom patterns, gitleaks, anything that
// takes a regular expression. The secret's shape itself is owned by
// lib/api-clients/secrets.ts; the test next to this file checks that every
// generated secret matches and that the pattern finds one inside text.
// Plain data: safe anywhere (the docs page and the well-known document read it).
import { SECRET_PREFIX } from "@cluster-console/credentials";
import { SECRET_LENGTH } from "@cluster-console/credentials/secrets";

/** The scanner's name for the kind of secret (GitHub's `type`). */
export const SECRET_TYPE = "cluster_console_client_secret";

/** The secret alone: "ccs_", 43 characters of random base64url, a 6-character CRC32 checksum. */
export const SECRET_REGEX = `${SECRET_PREFIX}[A-Za-z0-9_-]{${SECRET_LENGTH - SECRET_PREFIX.length}}`;

/**
 * The secret inside text, not part of a longer token: RE2 syntax (GitHub,
 * gitleaks, Go), so the boundaries are groups rather than lookarounds; the
 * secret is capture group 1.
 */
export const SECRET_REGEX_IN_TEXT = `(?:^|[^A-Za-z0-9_-])(${SECRET_REGEX})(?:[^A-Za-z0-9_-]|$)`;

/** Where reports go, relative to the console's PUBLIC_URL. */
export const LEAK_REPORT_PATH = "/api/leaks/report";
/** Where the pattern is published, relative to PUBLIC_URL. */
export const PATTERN_PATH = "/.well-known/secret-scanning.json";

/** The document served at PATTERN_PATH. */
export function patternDocument(publicUrl: string) {
  return {
    type: SECRET_TYPE,
    description: "Cluster Console API client secret",
    regex: SECRET_REGEX,
    regex_in_text: SECRET_REGEX_IN_TEXT,
    secret_group: 1,
    prefix: SECRET_PREFIX,
    length: SECRET_LENGTH,
    checksum: "the last 6 characters are the CRC32 of the first 47, as base64url",
    report_url: `${publicUrl}${LEAK_REPORT_PATH}`,
  };
}

/** A gitleaks rule for the secret (gitleaks.toml). */
export function gitleaksRule(): string {
  return [
    "[[rules]]",
    `id = "${SECRET_TYPE.replace(/_/g, "-")}"`,
    'description = "Cluster Console API client secret"',
    `regex = '''${SECRET_REGEX_IN_TEXT}'''`,
    "secretGroup = 1",
    `keywords = ["${SECRET_PREFIX}"]`,
  ].join("\n");
}
