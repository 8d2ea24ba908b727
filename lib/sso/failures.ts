// Every way a single sign-on can fail, with the words the failure page shows.
// Only the code travels (in the failure page's URL); details go to the log.
// Plain data: safe for any page.
export const SSO_FAILURES = {
  no_provider: "No single sign-on is set up for this email address. Sign in with your password, or ask an owner of your organization.",
  not_configured: "Single sign-on is no longer set up for this organization. Sign in with your password, or ask an owner.",
  state_mismatch: "This sign-in did not start in this browser, or its cookie is gone. Start again from the sign-in page.",
  used_or_expired: "This sign-in was already completed or has expired (after 10 minutes). Start again from the sign-in page.",
  provider_denied: "Your identity provider did not sign you in. Start again, or ask your identity provider's administrator.",
  provider_unreachable: "Your organization's identity provider could not be reached or gave an answer that could not be read. Try again in a few minutes; if it keeps failing, tell an owner.",
  discovery_invalid: "Your organization's identity provider is not set up correctly here (its discovery document could not be used). Tell an owner of your organization.",
  token_refused: "Your identity provider refused to complete the sign-in. Start again from the sign-in page.",
  id_token_issuer: "The identity provider's answer names another issuer than the one set up here, so it was not trusted. Nothing was changed.",
  id_token_audience: "The identity provider's answer was meant for another application, so it was not trusted. Nothing was changed.",
  id_token_expired: "The identity provider's answer has expired or is dated in the future (check the clocks), so it was not trusted. Nothing was changed.",
  id_token_signature: "The identity provider's answer is not signed by one of its published keys (or not signed at all), so it was not trusted. Nothing was changed.",
  id_token_nonce: "The identity provider's answer does not belong to this sign-in (the nonce differs), so it was not trusted. Nothing was changed.",
  id_token_invalid: "The identity provider's answer could not be checked, so it was not trusted. Nothing was changed.",
  email_missing: "Your identity provider did not share your email address. Ask its administrator to release the email claim (scope email).",
  email_unverified: "Your identity provider does not confirm that your email address is verified, so it cannot be used to sign in here.",
  domain_not_allowed: "Your email address's domain may not join this organization. Ask an owner to invite you or to allow the domain.",
  other_person: "You confirmed your identity at the provider as another person than the one signed in here. Nothing was changed.",
  busy: "Single sign-on is busy. Try again in a moment.",
  server_error: "Single sign-on failed on this server. Try again; if it keeps failing, tell whoever runs this console.",
} as const;

export type SsoFailureCode = keyof typeof SSO_FAILURES;

export class SsoFailure extends Error {
  constructor(
    readonly code: SsoFailureCode,
    /** For the log only: never shown, never in a URL. */
    readonly detail?: string,
  ) {
    super(code);
    this.name = "SsoFailure";
  }
}

export function isSsoFailureCode(v: unknown): v is SsoFailureCode {
  return typeof v === "string" && Object.hasOwn(SSO_FAILURES, v);
}
