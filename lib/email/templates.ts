// The console's emails: plain text plus simple HTML, each naming the
// organization. None carries a secret: a one-time link stands as {{link}} in
// the stored bodies and is put in only when the message is sent (send.ts).
export const LINK_PLACEHOLDER = "{{link}}";

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Paragraphs and one button-like link; the text version says the same. */
function compose(org: string, subject: string, paragraphs: string[], action?: { label: string; href: string }): EmailContent {
  const text = [...paragraphs, ...(action ? [`${action.label}: ${action.href}`] : []), `— Cluster Console, ${org}`].join("\n\n");
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111;max-width:560px">',
    `<p style="color:#555;font-size:13px">${escapeHtml(org)}</p>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    action
      ? `<p><a href="${action.href === LINK_PLACEHOLDER ? LINK_PLACEHOLDER : escapeHtml(action.href)}" style="display:inline-block;padding:8px 14px;background:#1d4ed8;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>` +
        `<p style="font-size:13px;color:#555">Or open: ${action.href === LINK_PLACEHOLDER ? LINK_PLACEHOLDER : escapeHtml(action.href)}</p>`
      : "",
    `<p style="color:#555;font-size:13px">Cluster Console, ${escapeHtml(org)}</p>`,
    "</body></html>",
  ].join("");
  return { subject, text, html };
}

export function invitationEmail(o: { org: string; inviter: string; role: string; lifetime: string }): EmailContent {
  return compose(
    o.org,
    `You are invited to ${o.org} on Cluster Console`,
    [`${o.inviter} invited you to join ${o.org} as ${o.role}.`, `The link works once and for ${o.lifetime}. If you did not expect this, ignore this email.`],
    { label: "Accept the invitation", href: LINK_PLACEHOLDER },
  );
}

export function passwordResetEmail(o: { org: string; issuer: string; name: string; lifetime: string }): EmailContent {
  return compose(
    o.org,
    `Set a new password for Cluster Console (${o.org})`,
    [`Hello ${o.name},`, `${o.issuer} created a link for you to set a new password.`, `The link works once and for ${o.lifetime}. If you did not ask for this, tell your administrator.`],
    { label: "Set a new password", href: LINK_PLACEHOLDER },
  );
}

export function expiryNoticeEmail(o: { org: string; client: string; cluster: string | null; daysBefore: number; expiresAt: Date; rotateUrl: string }): EmailContent {
  const where = o.cluster ? `the API client ${o.client} of the cluster ${o.cluster}` : `the Administration API credentials ${o.client}`;
  const when = o.daysBefore === 0 ? "today" : `in ${o.daysBefore} days`;
  return compose(
    o.org,
    o.daysBefore === 0 ? `A client secret expires today: ${o.client}${o.cluster ? ` (${o.cluster})` : ""}` : `A client secret expires in ${o.daysBefore} days: ${o.client}${o.cluster ? ` (${o.cluster})` : ""}`,
    [
      `The secret of ${where} expires ${when}, at ${o.expiresAt.toISOString().replace("T", " ").slice(0, 16)} UTC.`,
      "Workers using it will fail with invalid_client once it expires. Rotate the secret and give the new one to them before then.",
    ],
    { label: "Rotate the secret", href: o.rotateUrl },
  );
}

/** A live secret reported as found in public: where, whether it was revoked, and the client's page (its banner has the rotate button). */
export function leakedSecretEmail(o: { org: string; client: string; cluster: string | null; revoked: boolean; foundAt: string | null; pageUrl: string }): EmailContent {
  const which = o.cluster ? `the API client ${o.client} of the cluster ${o.cluster}` : `the Administration API credentials ${o.client}`;
  return compose(
    o.org,
    `A client secret was found in public: ${o.client}${o.cluster ? ` (${o.cluster})` : ""}`,
    [
      `A secret of ${which} was reported as found ${o.foundAt ? `at ${o.foundAt}` : "in public"}.`,
      o.revoked
        ? "It was revoked at once, as your organization's leak policy says: workers still using it now fail with invalid_client. Rotate the secret and give the new one to them."
        : "Your organization's leak policy keeps it working, so anyone who found it can use it. Rotate the secret now and revoke the old one.",
    ],
    { label: o.cluster ? "Open the client" : "Open the credentials", href: o.pageUrl },
  );
}

export function webhookDisabledEmail(o: { org: string; url: string; attempts: number; pageUrl: string }): EmailContent {
  return compose(
    o.org,
    `A webhook endpoint of ${o.org} was disabled`,
    [`The webhook endpoint ${o.url} failed ${o.attempts} times in a row and was disabled. No events are sent to it until it is enabled again.`],
    { label: "See the delivery log", href: o.pageUrl },
  );
}
