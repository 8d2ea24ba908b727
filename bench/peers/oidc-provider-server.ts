// Peer for `npm run bench:token`: panva's oidc-provider (OpenID Certified)
// issuing RS256 JWT access tokens for the client credentials grant (resource
// indicators), as lean as its configuration allows. Prints its URL.
import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

const clientId = process.env.BENCH_CLIENT_ID!;
const clientSecret = process.env.BENCH_CLIENT_SECRET!;
// Resource indicators must be absolute URIs; the audience is what it is for the comparison.
const audience = "https://zeebe.camunda.io";
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: "jwk" }), alg: "RS256", use: "sig", kid: "bench" };

const server = http.createServer();
server.listen(0, "127.0.0.1", () => {
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        grant_types: ["client_credentials"],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [jwk] },
    routes: { token: "/oauth/token" },
    scopes: ["Zeebe"],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: "Zeebe",
          audience,
          accessTokenTTL: 86_400,
          accessTokenFormat: "jwt",
          jwt: { sign: { alg: "RS256" } },
        }),
      },
    },
  });
  server.on("request", provider.callback());
  console.log(`listening ${issuer}`);
});
