// Upper bound for `npm run bench:token`: node:http + jose signing an RS256
// JWT per request after a constant-time plaintext secret check. No database,
// no rate limit, no revocation: what the hardware allows. Prints its URL.
import { randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT, generateKeyPair } from "jose";

const clientId = process.env.BENCH_CLIENT_ID!;
const secret = Buffer.from(process.env.BENCH_CLIENT_SECRET!);
const { privateKey } = await generateKeyPair("RS256");

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", async () => {
    const p = new URLSearchParams(Buffer.concat(chunks).toString());
    const given = Buffer.from(p.get("client_secret") ?? "");
    if (p.get("client_id") !== clientId || given.length !== secret.length || !timingSafeEqual(given, secret)) {
      res.writeHead(401, { "content-type": "application/json" }).end('{"error":"invalid_client"}');
      return;
    }
    const token = await new SignJWT({ scope: "Zeebe", jti: randomBytes(16).toString("base64url") })
      .setProtectedHeader({ alg: "RS256", kid: "bench" })
      .setIssuer("http://127.0.0.1")
      .setSubject(clientId)
      .setAudience("zeebe.camunda.io")
      .setIssuedAt()
      .setExpirationTime("24h")
      .sign(privateKey);
    res
      .writeHead(200, { "content-type": "application/json", "cache-control": "no-store" })
      .end(JSON.stringify({ access_token: token, token_type: "Bearer", expires_in: 86400, scope: "Zeebe" }));
  });
});
server.listen(0, "127.0.0.1", () => console.log(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}`));
