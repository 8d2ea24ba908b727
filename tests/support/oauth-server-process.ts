// A separate OS process serving the authorization server (same code that
// scripts/serve.ts mounts), for tests that need several instances on one
// database. Settings arrive as JSON in OAUTH_TEST_SETTINGS; prints its URL.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createOAuthRuntime, handleOAuthRequest, type OAuthSettings } from "@cluster-console/auth-server";

const raw = JSON.parse(process.env.OAUTH_TEST_SETTINGS!) as OAuthSettings & { keyEncryptionKey: string };
const runtime = createOAuthRuntime({ ...raw, keyEncryptionKey: Buffer.from(raw.keyEncryptionKey, "base64") });
await runtime.start();
const server = http.createServer((req, res) => {
  if (!handleOAuthRequest(runtime, req, res)) {
    res.statusCode = 404;
    res.end();
  }
});
server.listen(0, "127.0.0.1", () => {
  console.log(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close();
  void runtime.close().finally(() => process.exit(0));
});
