// The emails' text: the organization named in both parts, HTML escaped, the
// one-time link only as a placeholder (put in when sent), plain text beside HTML.
import { describe, expect, it } from "vitest";
import { expiryNoticeEmail, invitationEmail, LINK_PLACEHOLDER, passwordResetEmail, webhookDisabledEmail } from "@/lib/email/templates";

const ORG = `Müller & <Söhne> "Payments"`;

describe("email templates", () => {
  it("name the organization in the subject, the text and the escaped HTML", () => {
    for (const m of [
      invitationEmail({ org: ORG, inviter: "Ada", role: "Developer", lifetime: "7 days" }),
      passwordResetEmail({ org: ORG, issuer: "Ada", name: "Bob", lifetime: "24 hours" }),
      expiryNoticeEmail({ org: ORG, client: "payments-worker", cluster: "Production EU", daysBefore: 3, expiresAt: new Date("2027-01-01T10:00:00Z"), rotateUrl: "https://console.example.com/clusters/x/api/y?rotate=1" }),
      webhookDisabledEmail({ org: ORG, url: "https://hooks.example.com/…", attempts: 13, pageUrl: "https://console.example.com/organization/webhooks/z" }),
    ]) {
      expect(m.text).toContain(ORG);
      expect(m.html).toContain("Müller &amp; &lt;Söhne&gt; &quot;Payments&quot;");
      expect(m.html).not.toContain("<Söhne>");
      expect(m.html.startsWith("<!doctype html>")).toBe(true);
    }
  });

  it("carry a one-time link only as the placeholder; the notice links to the rotate dialog", () => {
    const inv = invitationEmail({ org: "Acme", inviter: "Ada", role: "Developer", lifetime: "7 days" });
    expect(inv.text).toContain(`Accept the invitation: ${LINK_PLACEHOLDER}`);
    expect(inv.html).toContain(`href="${LINK_PLACEHOLDER}"`);
    expect(inv.text).not.toMatch(/cc[ir]_/);
    const notice = expiryNoticeEmail({ org: "Acme", client: "payments-worker", cluster: "Production EU", daysBefore: 0, expiresAt: new Date("2027-01-01T10:00:00Z"), rotateUrl: "https://c.example.com/clusters/x/api/y?rotate=1" });
    expect(notice.subject).toBe("A client secret expires today: payments-worker (Production EU)");
    expect(notice.text).toContain("Rotate the secret: https://c.example.com/clusters/x/api/y?rotate=1");
    expect(notice.html).toContain('href="https://c.example.com/clusters/x/api/y?rotate=1"');
    expect(expiryNoticeEmail({ org: "Acme", client: "terraform", cluster: null, daysBefore: 14, expiresAt: new Date(), rotateUrl: "https://c/x" }).text).toContain("the Administration API credentials terraform");
  });
});
