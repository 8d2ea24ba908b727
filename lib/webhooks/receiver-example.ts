// The receiver the docs show (docs/notifications.md, /docs/notifications):
// one owner for the text, and tests/integration/notifications/receiver-example.test.ts
// runs it against real deliveries.
export const RECEIVER_EXAMPLE = `import http from "node:http";
import { Webhook } from "standardwebhooks";
const webhook = new Webhook(process.env.WEBHOOK_SECRET); // whsec_…, shown once when the endpoint was added
http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => (body += chunk)).on("end", () => {
    try { const event = webhook.verify(body, req.headers); console.log(event.type, event.data.sentence); res.writeHead(204).end(); }
    catch { res.writeHead(400).end(); } // not signed with the secret, or older than 5 minutes
  });
}).listen(process.env.PORT ?? 8080);
`;
