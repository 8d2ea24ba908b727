// Standard Webhooks signatures (https://www.standardwebhooks.com):
// webhook-id, webhook-timestamp (seconds) and webhook-signature, which is
// "v1,<base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`>" under the key
// that the secret "whsec_<base64>" encodes. During a rotation's overlap both
// the new and the previous secret sign, space-separated, so a receiver with
// either verifies.
import { createHmac, randomBytes } from "node:crypto";

export const newSigningSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

export function signatureHeaders(secrets: string[], id: string, timestamp: number, body: string): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": secrets.map((s) => sign(s, id, timestamp, body)).join(" "),
  };
}
