// A webhook URL as the console shows it where the URL itself may be a secret
// (chat tools put their token in the path): the host and "/…". The full URL
// appears only on the webhook pages, to owners and admins.
export function shortWebhookUrl(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.protocol}//${u.host}${u.pathname.length > 1 || u.search ? "/…" : ""}`;
  } catch {
    return "(invalid URL)";
  }
}
